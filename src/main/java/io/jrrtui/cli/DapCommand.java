package io.jrrtui.cli;

import io.jrrtui.api.DebugSession;
import io.jrrtui.dap.DapServer;
import io.jrrtui.dap.LaunchTarget;
import io.jrrtui.debugger.Debugger;
import io.jrrtui.record.CpuFeatures;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.session.ReplayDebugger;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.trace.TraceStore;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;

/** {@code jrrtui dap [--port [HOST:]N]}: the Debug Adapter Protocol on stdin/stdout, or for TCP clients one after another. */
final class DapCommand implements Command {
    @Override
    public String name() {
        return "dap";
    }

    @Override
    public String summary() {
        return "serve the Debug Adapter Protocol (editors: VS Code, Emacs dape, ...) on stdio or a TCP port";
    }

    @Override
    public String usage() {
        return """
                usage: jrrtui dap [--port [HOST:]N]
                  --port N   listen on TCP port N (loopback unless HOST is given; 0 picks one) instead of stdin/stdout
                The client's "launch" request names the recording: {"trace": NAME-OR-DIR} (default: latest-trace),
                or a core file: {"program": PROGRAM, "coreFile": CORE} (post mortem: nothing runs).""";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Args a = Args.parse(args, List.of(), List.of("--port"), false);
        if (!a.positional().isEmpty()) throw new UsageException("dap takes no arguments (the trace comes with 'launch')");
        String port = a.value("--port");
        if (port == null) {
            new DapServer(console.in(), console.out(), launch -> open(launch, console.err()), console.err()).serve();
            return 0;
        }
        try (ServerSocket server = listen(port)) {
            console.out().println("jrrtui: DAP server listening on " + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort());
            console.out().flush();
            while (true) {
                try (Socket client = server.accept()) {
                    new DapServer(client.getInputStream(), client.getOutputStream(), launch -> open(launch, console.err()), console.err()).serve();
                } catch (IOException e) {
                    console.err().println("jrrtui: DAP connection lost: " + e.getMessage());
                }
            }
        }
    }

    private static ServerSocket listen(String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        String host = colon > 0 ? hostPort.substring(0, colon) : "127.0.0.1";
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UsageException("--port needs a port number, not '" + hostPort + "'");
        }
        ServerSocket s = new ServerSocket();
        try {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1);
            return s;
        } catch (IOException | IllegalArgumentException e) {
            s.close();
            throw new JrrException("cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
    }

    /** Opens a launch request's core file, or its recording (null: the latest); problems are one line for the client. */
    static DebugSession open(LaunchTarget launch, PrintStream log) {
        if (launch.isCore()) return DebugCommand.openCore(Path.of(launch.program()), Path.of(launch.coreFile()), log);
        String name = launch.recording();
        TraceReader trace = TraceReader.open(TraceStore.fromEnvironment().resolve(name == null || name.isBlank() ? null : name));
        if (trace.incomplete() && trace.recoverableEvents() == 0) {
            throw new JrrException("nothing to replay: the recording of " + trace.dir() + " was interrupted before its first events were written");
        }
        CpuFeatures.mismatchWarning(trace.dir()).ifPresent(w -> log.println("jrrtui: " + w));
        return ReplayDebugger.open(trace, 1, OutputSink.DISCARD);
    }
}
