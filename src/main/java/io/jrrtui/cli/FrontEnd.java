package io.jrrtui.cli;

import io.jrrtui.api.DebugSession;
import io.jrrtui.repl.BatchRunner;
import io.jrrtui.repl.Repl;
import io.jrrtui.tui.Tui;
import io.jrrtui.tui.TuiOptions;
import io.jrrtui.util.JrrException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which front-end a debugging command ({@code replay}, {@code debug}) opens, from its options: a
 * batch script (-x FILE, --batch), a gdb server (-s/--gdbserver), the TUI (--tui, or on a
 * terminal) or the command line (--repl, or otherwise). The options are checked once here, so both
 * commands refuse the same combinations with the same words.
 *
 * @param script the batch script, or null
 * @param gdbServer where to serve gdb ([HOST:]PORT), or null
 * @param tui the TUI's options when the TUI is chosen, else null
 */
record FrontEnd(Path script, String gdbServer, TuiOptions tui) {
    static FrontEnd choose(Args a) {
        String script = a.value("-x");
        boolean batch = a.flag("--batch") || script != null;
        if (batch && script == null) throw new UsageException("--batch needs -x FILE");
        if (batch && !Files.isRegularFile(Path.of(script))) throw new JrrException("cannot read command file " + script);
        String gdbServer = a.value("-s", "--gdbserver");
        if (gdbServer != null && (batch || a.flag("--tui") || a.flag("--repl"))) throw new UsageException("-s serves gdb: it goes without --tui, --repl and --batch");
        boolean tui = gdbServer == null && !batch && !a.flag("--repl") && (a.flag("--tui") || Tui.onTerminal());
        return new FrontEnd(batch ? Path.of(script) : null, gdbServer, tui ? TuiOptions.fromCommandLine(a.value("--theme"), a.value("--keys")) : null);
    }

    boolean batch() {
        return script != null;
    }

    boolean fullScreen() {
        return tui != null;
    }

    /** Runs the batch script, the TUI or the command line on session (the gdb server is the caller's); the exit status. */
    int run(DebugSession session, Console console) {
        if (batch()) return BatchRunner.run(session, script, console.out(), console.err());
        if (fullScreen()) {
            Tui.run(session, tui);
            return 0;
        }
        return Repl.run(session);
    }
}
