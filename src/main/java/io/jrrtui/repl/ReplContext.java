package io.jrrtui.repl;

import io.jrrtui.api.DebugSession;
import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.StopEvent;
import java.io.PrintStream;
import java.util.List;

/**
 * What the commands share: the session, the stop wording, the value history, the displays and
 * what {@code x} continues from.
 */
final class ReplContext {
    final DebugSession session;
    final StopPrinter printer;
    final ValueHistory values;
    final Displays displays = new Displays();
    final Settings settings = new Settings();
    final BreakpointScripts scripts = new BreakpointScripts();
    /** A call expression ran in a copy and the user was told so (once a session). */
    boolean callNoted;
    /** The last x format without its count, reused by a bare x (gdb starts with xw). */
    String examineFormat = "xw";
    String examineAddress;
    int examineCount = 1;

    ReplContext(DebugSession session, StopPrinter printer, ValueHistory values) {
        this.session = session;
        this.printer = printer;
        this.values = values;
    }

    /**
     * The innermost frames, at most limit (0: all), ending at main as gdb's default
     * {@code backtrace past-main off} shows them: libc's start-up frames are not the user's.
     */
    List<FrameInfo> frames(int limit) {
        List<FrameInfo> all = session.backtrace(limit);
        for (int i = 0; i < all.size(); i++) {
            if ("main".equals(all.get(i).where().function())) return all.subList(0, i + 1);
        }
        return all;
    }

    /** The outermost frame's level that {@link #frames} shows, looking at most up to level 'upTo'. */
    int outermostLevel(int upTo) {
        return frames(upTo + 1).size() - 1;
    }

    /**
     * Prints a stop as gdb does, then the displays; a breakpoint whose command list starts with
     * "silent" prints neither (gdb's print_stop_event is skipped), and its list is made due.
     */
    void report(StopEvent stop, PrintStream out) {
        for (String sig : session.passedSignals()) {
            out.print("\nProgram received signal " + sig + ", " + session.signalHandling(List.of(sig)).get(0).description() + ".\n");
        }
        String text = printer.report(session, stop);
        if (!scripts.noteStop(stop)) return;
        out.print(text);
        if (stop.reason() != StopEvent.Reason.EXITED) displays.showAll(session, out);
    }

    /** A frame for the frame/up/down/bt commands, marked mid-statement as StopPrinter wants it. */
    FrameInfo forDisplay(FrameInfo f) {
        return StopPrinter.forDisplay(session, f);
    }
}
