package io.jrrtui.tui;

import io.jrrtui.api.StopEvent;

/** The stop reason in a few words for the status line (the console gets the REPL's full wording). */
final class StopText {
    private StopText() {}

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
}
