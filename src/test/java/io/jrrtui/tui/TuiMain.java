package io.jrrtui.tui;

import io.jrrtui.debugger.Debugger;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.session.ReplayDebugger;
import io.jrrtui.trace.TraceReader;
import java.nio.file.Path;

/**
 * Test-only launcher: {@code TuiMain TRACE-DIR [THEME] [KEYMAP]} opens the Debugger on a recording
 * and runs the TUI on the real terminal. Used by {@link TuiTmuxIT} with -Djrrtui.it.tuimain=true
 * (instead of the CLI), and by hand: {@code java -cp target/jrrtui.jar:target/test-classes io.jrrtui.tui.TuiMain DIR}.
 */
public final class TuiMain {
    private TuiMain() {}

    public static void main(String[] args) {
        String theme = args.length > 1 ? args[1] : null;
        String keys = args.length > 2 ? args[2] : null;
        try (Debugger d = ReplayDebugger.open(TraceReader.open(Path.of(args[0])), 1, OutputSink.DISCARD)) {
            Tui.run(d, TuiOptions.fromCommandLine(theme, keys));
        }
        System.exit(0);
    }
}
