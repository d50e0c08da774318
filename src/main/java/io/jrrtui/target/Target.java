package io.jrrtui.target;

import io.jrrtui.arch.Registers;

/** A stopped program the debugger can inspect and move forward. */
public interface Target extends AutoCloseable {
    /** Registers of the current thread at the current stop. */
    Registers registers();

    /** Reads len bytes of the program's memory; throws JrrException where unmapped. */
    byte[] readMemory(long addr, int len);

    /** The number of the last event completed (0 before the program starts). */
    long currentEvent();

    /** Events in the whole recording. */
    long eventCount();

    /** Runs forward until event n has been completed (n >= currentEvent()). */
    StopReason runToEvent(long n);

    /** Runs to the end of the recording. */
    StopReason runToEnd();

    @Override
    void close();
}
