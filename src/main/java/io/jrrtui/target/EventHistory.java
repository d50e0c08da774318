package io.jrrtui.target;

import io.jrrtui.trace.Event;
import io.jrrtui.trace.TraceReader;

/**
 * A target that replays a recording: its position is a number of completed events, and it can run
 * to any later event. Reverse execution is built on this with {@link Checkpointing}.
 */
public interface EventHistory {
    /** The number of the last event completed (0 before the program starts). */
    long currentEvent();

    /** Events in the whole recording. */
    long eventCount();

    /** The recording. */
    TraceReader trace();

    /** The next recorded event (what running on will meet), or null at the end. */
    Event nextEvent();

    /** Whether the position is the last recorded event with the program still there (a cut-short recording). */
    boolean atTraceEnd();

    /**
     * Runs until event untilEvent is complete, or (when honourStops) a breakpoint or watchpoint
     * triggers, or the program ends.
     */
    StopReason cont(long untilEvent, boolean honourStops);

    /**
     * As {@link #cont}, also returning at the first event boundary after System.nanoTime() reaches
     * deadline (with at least one event completed): a caller that forks checkpoints as replay
     * goes gets control back by time, not only by event count.
     */
    default StopReason cont(long untilEvent, boolean honourStops, long deadline) {
        return cont(untilEvent, honourStops);
    }

    /**
     * While on, {@link #cont} with stops honoured also returns just after the debugged process
     * exec'd another program ({@link StopReason#afterExec}), so a debugger can place its
     * breakpoints in the new program's image before it runs.
     */
    default void stopAfterExec(boolean on) {}

    /** Like {@link #cont} with stops honoured, but only stops of thread tid count. */
    StopReason contThread(long untilEvent, int tid);

    /** Runs forward, passing over every stop, until event n has been completed (n >= currentEvent()). */
    default StopReason runToEvent(long n) {
        return cont(n, false);
    }

    /** Runs to the end of the recording, passing over every stop. */
    default StopReason runToEnd() {
        return runToEvent(Long.MAX_VALUE);
    }

    /**
     * Follows another process of the recording (a child: {@code replay -p/-f}) from the moment it
     * exists: registers, memory, breakpoints and stepping are that process's.
     */
    void focus(int tid);

    /** Whether the followed process exists now. */
    boolean focused();
}
