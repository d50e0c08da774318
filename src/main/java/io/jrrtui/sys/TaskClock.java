package io.jrrtui.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A clock of one task's own CPU time that stops the task once it has run a given time: the
 * software perf event PERF_COUNT_SW_TASK_CLOCK (no performance-monitoring unit needed) with
 * {@code sigtrap}, which makes the kernel send the task itself a SIGTRAP (si_code TRAP_PERF) at
 * the overflow. The traced task then stops in a signal-delivery stop whose SIGTRAP the tracer
 * suppresses.
 *
 * <p>Why, over a SIGSTOP sent by the tracer after polling the wall clock: the kernel counts the
 * task's own run time and stops it from its own timer interrupt, so the point a pause lands on
 * does not depend on when the tracer gets a CPU. Measured on a 2-CPU VM with other work on it:
 * pauses of 20 µs and 100 µs repeated from one state landed within a few percent of the same
 * iteration of a loop, where SIGSTOP pauses of 200 µs let the task run 400 µs to 16 ms. The
 * count read after the stop is the task's exact run time, which the process's CPU clock is not
 * (it also counts the other threads and the restore's work in the process).
 *
 * <p>Falls back (open returns null) where perf events are refused (perf_event_paranoid 3, a
 * seccomp policy, an old kernel without sigtrap): the caller uses its SIGSTOP pauses.
 * {@code -Djrrtui.replay.clockedPauses=false} turns it off, to compare.
 */
public final class TaskClock {
    /** si_perf_data of our traps, to tell them from a program's own perf events. */
    public static final long SIG_DATA = 0x6a72727475695041L;
    private static final int TRAP_PERF = 6;
    private static volatile boolean refused = !Boolean.parseBoolean(System.getProperty("jrrtui.replay.clockedPauses", "true"));

    private final int fd;

    private TaskClock(int fd) {
        this.fd = fd;
    }

    /**
     * A clock of task tid that stops it after periodNanos of its run time (the kernel's minimum is
     * 10 µs), or null where such clocks are refused here.
     */
    public static TaskClock open(int tid, long periodNanos) {
        if (refused) return null;
        int fd;
        try {
            fd = Shim.perfTaskClock(tid, Math.max(1, periodNanos), SIG_DATA);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            fd = -1;
        }
        if (fd < 0) {
            if (fd != -3) refused = true; // ESRCH: the task is gone, not a refusal
            return null;
        }
        return new TaskClock(fd);
    }

    /** The task's run time while the clock was open, in nanoseconds (-1 if unreadable); closes the clock. */
    public long readAndClose() {
        return Shim.perfReadClose(fd);
    }

    /** Whether siginfo (of a SIGTRAP stop) is one of our clocks' traps. */
    public static boolean isOurTrap(byte[] siginfo) {
        if (siginfo == null || siginfo.length < 32) return false;
        ByteBuffer b = ByteBuffer.wrap(siginfo).order(ByteOrder.LITTLE_ENDIAN);
        return b.getInt(8) == TRAP_PERF && b.getLong(24) == SIG_DATA;
    }
}
