package io.jrrtui.sys;

import io.jrrtui.util.JrrException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one thread that makes every ptrace call. Linux binds a tracee to the thread that traced it,
 * so all tracee work runs here. Callers hand over coarse jobs ("record the whole run", "continue
 * to the next stop") rather than single calls, because a thread hand-off costs more than a ptrace
 * syscall stop.
 */
public final class TracerThread {
    private static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(() -> {
            pin();
            r.run();
        }, "jrr-tracer");
        t.setDaemon(true);
        return t;
    });

    /**
     * The CPU the tracer thread and its tracees share, or -1. On these VMs a ptrace stop that must
     * wake a thread on another CPU costs about twice as much as one on the same CPU, and the
     * tracees run one at a time anyway. {@link CpuClaim} spreads concurrent jrrtui processes over
     * the CPUs (the least claimed, then the least busy); JRR_NO_PIN=1 turns pinning off.
     */
    public static final int CPU = CpuClaim.choose();

    private static void pin() {
        if (CPU < 0 || CPU >= 64) return;
        try {
            LibC.sched_setaffinity(0, 8, new long[] {1L << CPU});
        } catch (RuntimeException | Error e) {
            // not allowed here (a restricted cpuset): run unpinned
        }
    }

    /**
     * Moves the calling thread off the tracees' CPU, onto the other allowed ones (no-op when nothing
     * is pinned). A thread that must act while a tracee runs (the chaos timeslice watchdog spinning
     * to its deadline) would otherwise take turns with the tracee on one CPU: the tracee then makes
     * no progress while the watchdog spins, and its preemption lands where it was switched in.
     */
    public static void avoidTraceeCpu() {
        if (CPU < 0 || CPU >= 64) return;
        long mask = 0;
        for (int cpu : CpuClaim.allowedCpus()) {
            if (cpu != CPU && cpu < 64) mask |= 1L << cpu;
        }
        if (mask == 0) return;
        try {
            LibC.sched_setaffinity(0, 8, new long[] {mask});
        } catch (RuntimeException | Error e) {
            // not allowed here: stay where we are
        }
    }

    /** Puts the calling thread back on the tracees' CPU (after {@link #avoidTraceeCpu}). */
    public static void backToTraceeCpu() {
        pin();
    }

    private static volatile Thread tracer;

    private TracerThread() {}

    /** How many jobs were handed over to the tracer thread (benchmarks: hand-overs per unit of work). */
    private static final java.util.concurrent.atomic.AtomicLong HANDOVERS = new java.util.concurrent.atomic.AtomicLong();

    public static long handovers() {
        return HANDOVERS.get();
    }

    public static boolean isTracer() {
        return Thread.currentThread() == tracer;
    }

    /** Runs job on the tracer thread and returns its result; exceptions pass through unchanged. */
    public static <T> T call(Callable<T> job) {
        if (isTracer()) {
            return callHere(job);
        }
        HANDOVERS.incrementAndGet();
        Future<T> f = EXECUTOR.submit(() -> {
            tracer = Thread.currentThread();
            return job.call();
        });
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JrrException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) throw re;
            if (c instanceof Error er) throw er;
            throw new JrrException(c.toString(), c);
        }
    }

    private static <T> T callHere(Callable<T> job) {
        try {
            return job.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new JrrException(e.toString(), e);
        }
    }
}
