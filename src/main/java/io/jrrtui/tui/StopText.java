package io.jrrtui.tui;

import io.jrrtui.api.SourceLocation;
import io.jrrtui.api.StopEvent;
import io.jrrtui.api.WatchChange;

/** Short words for a stop, for the status line and the console. */
final class StopText {
    private StopText() {}

    /** The reason in a few words ("breakpoint 1", "watchpoint 2", "step", "exited"). */
    static String reason(StopEvent s) {
        if (s == null) return "";
        return switch (s.reason()) {
            case START -> "start";
            case BREAKPOINT -> "breakpoint " + s.breakpoint();
            case WATCHPOINT -> "watchpoint " + s.breakpoint();
            case STEP -> "step";
            case FINISH -> "finish";
            case SIGNAL -> "signal" + (s.detail() == null ? "" : " " + s.detail());
            case EXITED -> "exited";
            case START_OF_HISTORY -> "start of history";
            case END_OF_HISTORY -> "end of history";
            case EVENT -> "event";
        };
    }

    /** A one- or few-line report: what stopped us and where. */
    static String report(StopEvent s) {
        StringBuilder b = new StringBuilder();
        switch (s.reason()) {
            case BREAKPOINT -> b.append("Breakpoint ").append(s.breakpoint()).append(", ");
            case WATCHPOINT -> {
                WatchChange w = s.watch();
                b.append("Hardware watchpoint ").append(s.breakpoint());
                if (w != null) b.append(": ").append(w.expression()).append("  Old value = ").append(w.oldValue())
                        .append("  New value = ").append(w.newValue());
                b.append("\n");
            }
            case START_OF_HISTORY -> b.append("No more reverse-execution history.\n");
            case END_OF_HISTORY -> b.append("No more forward-execution history.\n");
            case SIGNAL -> b.append("Program received signal ").append(s.detail()).append(".\n");
            default -> {}
        }
        if (s.detail() != null && s.reason() != StopEvent.Reason.SIGNAL && s.reason() != StopEvent.Reason.START_OF_HISTORY
                && s.reason() != StopEvent.Reason.END_OF_HISTORY) b.append(s.detail()).append("\n");
        if (s.returnValue() != null) b.append("Value returned is ").append(s.returnValue()).append("\n");
        b.append(where(s.where()));
        return b.toString();
    }

    static String where(SourceLocation w) {
        if (w == null) return "";
        String fn = w.function() == null ? String.format("0x%x in ??", w.pc()) : w.function();
        return fn + (w.hasLine() ? " at " + TuiState.baseName(w.file()) + ":" + w.line() : String.format(" (pc 0x%x)", w.pc()));
    }
}
