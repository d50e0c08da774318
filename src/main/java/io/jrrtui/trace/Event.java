package io.jrrtui.trace;

/**
 * One recorded frame of the global event stream. Event numbers start at 1 and are the coarse
 * time of a recording (DESIGN §2): the timeline, {@code goto N} and {@code -M} marks all use them.
 */
public sealed interface Event
        permits SyscallEvent, SyscallEntryEvent, PreemptEvent, SignalEvent, RdtscEvent, CpuidEvent, ExecEvent, ExitEvent,
        BufferedCallsEvent {
    long number();

    /** The thread the event happened on. */
    int tid();

    /** A one-line human description without the number and thread. */
    String describe();
}
