package io.jrrtui.repl;

import io.jrrtui.api.BreakpointInfo;
import io.jrrtui.api.DebugSession;
import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.StopEvent;
import io.jrrtui.util.JrrException;
import java.io.PrintStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the commands share: the session, the stop wording, the value history, the displays and
 * what {@code x} continues from.
 */
final class ReplContext {
    private static final Pattern LINE_START = Pattern.compile("starts at address 0x([0-9a-fA-F]{1,16})");

    final DebugSession session;
    final StopPrinter printer;
    final ValueHistory values;
    final Displays displays = new Displays();
    /** The last x format without its count, reused by a bare x (gdb starts with xw). */
    String examineFormat = "xw";
    String examineAddress;
    int examineCount = 1;

    ReplContext(DebugSession session, StopPrinter printer, ValueHistory values) {
        this.session = session;
        this.printer = printer;
        this.values = values;
    }

    /** Prints a stop as gdb does, then the displays. */
    void report(StopEvent stop, PrintStream out) {
        FrameInfo frame = stop.reason() == StopEvent.Reason.EXITED ? null : innermostForDisplay();
        BreakpointInfo hit = null;
        if (stop.breakpoint() > 0) {
            for (BreakpointInfo b : session.breakpoints()) if (b.number() == stop.breakpoint()) hit = b;
            if (hit == null && stop.reason() == StopEvent.Reason.BREAKPOINT) {
                // a temporary breakpoint is gone once hit
                hit = new BreakpointInfo(stop.breakpoint(), "breakpoint", true, true, "", java.util.List.of(), null, 1);
            }
        }
        out.print(printer.stop(stop, frame, hit));
        if (stop.reason() != StopEvent.Reason.EXITED) displays.showAll(session, out);
    }

    /**
     * The selected frame, with pcIsExact meaning what StopPrinter needs for frame 0: the pc is the
     * first address of its line-table row (gdb shows the address otherwise).
     */
    FrameInfo innermostForDisplay() {
        FrameInfo f;
        try {
            f = session.selectedFrame();
        } catch (JrrException e) {
            return null;
        }
        return f.level() == 0 && f.pcIsExact() ? withExactness(f, startsStatement(f.where().pc())) : f;
    }

    /** A frame for the frame/up/down commands: the same exactness rule. */
    FrameInfo forDisplay(FrameInfo f) {
        return f.level() == 0 && f.pcIsExact() ? withExactness(f, startsStatement(f.where().pc())) : f;
    }

    private static FrameInfo withExactness(FrameInfo f, boolean exact) {
        return new FrameInfo(f.level(), f.where(), f.args(), exact);
    }

    private boolean startsStatement(long pc) {
        try {
            Matcher m = LINE_START.matcher(session.lineInfo(null));
            return !m.find() || Long.parseUnsignedLong(m.group(1), 16) == pc;
        } catch (JrrException e) {
            return true;
        }
    }
}
