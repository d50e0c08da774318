package io.jrrtui.cli;

import io.jrrtui.api.DebugSession;
import io.jrrtui.gdbserver.GdbServer;

/** The {@code -s [HOST:]PORT} door shared by {@code replay} and {@code debug}: listen, say how to connect, serve. */
final class GdbServing {
    private GdbServing() {}

    /** Serves gdb until the process is stopped (Ctrl-C or SIGTERM); prints the gdb command to connect first. */
    static int serve(DebugSession session, String hostPort, String what, Console console) {
        try (GdbServer server = GdbServer.listen(session, hostPort, console.err())) {
            console.out().println("jrrtui: gdb server for " + what + " listening on " + server.address() + "; connect with:");
            console.out().println("  gdb -ex 'target extended-remote " + server.address() + "' " + session.executablePath());
            console.out().flush();
            server.serve();
        }
        return 0;
    }
}
