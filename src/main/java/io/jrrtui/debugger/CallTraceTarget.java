package io.jrrtui.debugger;

import io.jrrtui.arch.Registers;
import java.nio.file.Path;
import java.util.List;

/**
 * What the call tracer drives: a stopped program (a replay or a live run) that runs natively
 * between int3 breakpoints. Implementations step over a breakpoint the program stands on when
 * resumed, and hide breakpoint bytes from memory reads.
 */
interface CallTraceTarget {
    /** A module mapped in the program: its file and the start of its first mapping (file offset 0). */
    record ModuleLoad(String path, long start) {}

    /** Sentinel returned by {@link #resume()} when the program has ended. */
    long ENDED = -1;

    Registers registers();

    /** Reads exactly len bytes or throws JrrException. */
    byte[] readMemory(long addr, int len);

    void addBreakpoint(long addr);

    void removeBreakpoint(long addr);

    /** Runs to the next breakpoint and returns its address, or {@link #ENDED} when the program ended. */
    long resume();

    /** The last completed event of a recording, or -1 where there are no events (a live run). */
    long event();

    /** The thread that is stopped (its recorded id in a replay). */
    int tid();

    /** The program's executable. */
    Path executable();

    /** The modules mapped now (executable, loader, shared libraries), each once. */
    List<ModuleLoad> modules();
}
