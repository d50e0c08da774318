package io.jrrtui.gdbserver;

import io.jrrtui.api.DebugSession;
import io.jrrtui.util.JrrException;
import java.io.BufferedOutputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * Serves one session to gdb clients, one after another: a client that detaches or hangs up leaves
 * the session where it is and the server waiting for the next.
 */
public final class GdbServer implements AutoCloseable {
    private final DebugSession session;
    private final ServerSocket socket;
    private final PrintStream log;

    private GdbServer(DebugSession session, ServerSocket socket, PrintStream log) {
        this.session = session;
        this.socket = socket;
        this.log = log;
    }

    /** Listens on HOST:PORT or PORT (loopback); port 0 picks a free one. */
    public static GdbServer listen(DebugSession session, String hostPort, PrintStream log) {
        String host = "127.0.0.1";
        String port = hostPort;
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0) {
            host = colon == 0 ? host : hostPort.substring(0, colon);
            port = hostPort.substring(colon + 1);
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new JrrException("not a port number: '" + port + "'");
        }
        if (p < 0 || p > 65535) throw new JrrException("not a port number: " + p);
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), p), 1);
            return new GdbServer(session, s, log);
        } catch (IOException e) {
            throw new JrrException("cannot listen on " + host + ":" + p + ": " + e.getMessage());
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** host:port as gdb's {@code target} command takes it. */
    public String address() {
        String h = socket.getInetAddress().isAnyLocalAddress() ? "127.0.0.1" : socket.getInetAddress().getHostAddress();
        return h + ":" + port();
    }

    /** Accepts clients until {@link #close()}. */
    public void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setTcpNoDelay(true);
                log.println("jrrtui: gdb connected from " + client.getRemoteSocketAddress());
                PacketChannel channel = new PacketChannel(new BufferedInputStream(client.getInputStream()),
                        new BufferedOutputStream(client.getOutputStream()));
                new GdbClient(session, channel, log).serve();
                log.println("jrrtui: gdb disconnected; waiting for the next connection on " + address());
            } catch (SocketException e) {
                if (socket.isClosed()) return;
                log.println("jrrtui: gdb connection lost: " + e.getMessage());
            } catch (IOException e) {
                log.println("jrrtui: gdb connection lost: " + e.getMessage());
            } catch (RuntimeException e) {
                // a fault in serving one client must not take the recording away from the next
                log.println("jrrtui: gdb connection closed after an internal error: " + e);
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing to stop: nothing more to do
        }
    }
}
