package io.jrrtui.api;

/**
 * Why and where execution stopped, in both directions.
 *
 * @param reason      what stopped it
 * @param where       the location of the (selected = innermost) frame
 * @param event       the current event number
 * @param breakpoint  the breakpoint or watchpoint number for BREAKPOINT/WATCHPOINT, else 0
 * @param watch       the value change for WATCHPOINT (old = before the write, new = after), else null
 * @param returnValue the value a {@code finish} returned ("$1 = 42" is formatted by the front-end), else null
 * @param detail      extra words for the user ("No more reverse-execution history.", signal name...)
 * @param reverse     true when the command ran backwards
 * @param thread      the number of the thread that stopped when the program has several, else 0
 * @param threadName  that thread's name (when thread > 0)
 */
public record StopEvent(Reason reason, SourceLocation where, long event, int breakpoint, WatchChange watch,
        String returnValue, String detail, boolean reverse, int thread, String threadName) {
    /** A stop of a single-threaded program. */
    public StopEvent(Reason reason, SourceLocation where, long event, int breakpoint, WatchChange watch,
            String returnValue, String detail, boolean reverse) {
        this(reason, where, event, breakpoint, watch, returnValue, detail, reverse, 0, null);
    }

    public enum Reason { START, BREAKPOINT, WATCHPOINT, STEP, FINISH, SIGNAL, EXITED, START_OF_HISTORY, END_OF_HISTORY, EVENT }
}
