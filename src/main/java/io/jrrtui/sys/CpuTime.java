package io.jrrtui.sys;

import com.sun.jna.LastErrorException;

/**
 * How long a process has run on a CPU, in nanoseconds: its CPU-time clock (clock_gettime on the
 * clock id of another process, CPUCLOCK_SCHED). Exact for a stopped process (the kernel settles
 * a thread's run time when it leaves the CPU); while it runs elsewhere the value lags up to a
 * scheduler tick. Unlike wall time it does not grow while the process waits for a CPU, so on a
 * loaded machine it still says how far a native run got.
 */
public final class CpuTime {
    private CpuTime() {}

    /** CPU time of every thread of process pid together; -1 when it is gone. */
    public static long ofProcess(int pid) {
        long[] ts = new long[2];
        try {
            LibC.clock_gettime((~pid << 3) | 2, ts); // MAKE_PROCESS_CPUCLOCK(pid, CPUCLOCK_SCHED)
        } catch (LastErrorException e) {
            return -1;
        }
        return ts[0] * 1_000_000_000L + ts[1];
    }
}
