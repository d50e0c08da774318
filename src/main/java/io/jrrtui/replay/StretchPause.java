package io.jrrtui.replay;

import io.jrrtui.arch.Signals;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.WaitStatus;

/**
 * Stops a task that has run natively, without an event, for longer than a threshold: a SIGSTOP
 * turns the middle of a long syscall-free stretch into a stop, where the timeline can fork a
 * checkpoint (without a performance counter nothing else can stop a task there at native speed).
 * The replay never delivers that SIGSTOP. When it arrives just after the task stopped by itself,
 * it stays pending: {@link Ptrace#ignoreNextSigstop} passes over it.
 *
 * <p>Thresholds of milliseconds (checkpoints every 50 ms) are watched by a sleeping watcher
 * thread. Short ones (a reverse search bisecting a stretch down to tens of microseconds,
 * {@code timeline.StretchBisection}) are watched by the waiting thread itself, which polls the
 * task instead of blocking: it is on a CPU already (it just resumed the task), while a sleeping
 * thread's wake-up alone takes longer than that. Both measure wall time: the CPU-time clock of
 * another process only moves at scheduler ticks (milliseconds), too coarse here.
 */
final class StretchPause {
    /** Below this threshold the waiting thread polls and measures CPU time. */
    private static final long SHORT_NANOS = 4_000_000L;
    /** 0: no pauses. */
    private volatile long thresholdNanos;
    private LiveTask running;
    private long since;
    private boolean sent;
    private Thread watcher;

    /** The clock armed for the task about to be resumed ({@link #beforeResume}), or null. */
    private io.jrrtui.sys.TaskClock clock;
    private LiveTask clocked;
    /** Run time the clocks have counted, in total. */
    private long clockedNanos;

    void setThreshold(long nanos) {
        thresholdNanos = nanos;
        if (nanos >= SHORT_NANOS && watcher == null) {
            watcher = new Thread(this::watch, "jrrtui-stretch-pause");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    boolean enabled() {
        return thresholdNanos > 0;
    }

    /**
     * Called just before t is resumed while pauses are enabled: a short threshold is then kept by
     * a clock of t's own run time ({@link io.jrrtui.sys.TaskClock}), where the kernel allows one,
     * instead of by polling.
     */
    void beforeResume(LiveTask t) {
        closeClock();
        long threshold = thresholdNanos;
        if (threshold <= 0 || threshold >= SHORT_NANOS) return;
        clock = io.jrrtui.sys.TaskClock.open(t.tid, threshold);
        clocked = clock == null ? null : t;
    }

    /** The run time the clocks of short pauses have counted so far, in nanoseconds. */
    long clockedNanos() {
        return clockedNanos;
    }

    private void closeClock() {
        if (clock == null) return;
        long n = clock.readAndClose();
        if (n > 0) clockedNanos += n;
        clock = null;
        clocked = null;
    }

    /** Resumes t (already resumed by the caller) and waits for its next stop; true in t.paused when the stop is a pause. */
    WaitStatus waitFor(LiveTask t) {
        if (clock != null && clocked == t) return waitClocked(t);
        closeClock(); // armed for a task whose resume failed
        long threshold = thresholdNanos;
        if (threshold > 0 && threshold < SHORT_NANOS) return waitPolling(t, threshold);
        synchronized (this) {
            running = t;
            since = System.nanoTime();
            sent = false;
        }
        WaitStatus ws = Ptrace.waitFor(t.tid);
        boolean signalled;
        synchronized (this) {
            running = null;
            signalled = sent;
            sent = false;
        }
        return settle(t, ws, signalled);
    }

    /**
     * Waits for t, whose clock stops it after the threshold with a SIGTRAP of its own: that stop
     * is the pause (the trap is never delivered). The kernel sends the trap from the timer
     * interrupt that finds t running in user mode, so it is reported before t can reach any other
     * stop; none is left pending after another stop.
     */
    private WaitStatus waitClocked(LiveTask t) {
        WaitStatus ws;
        try {
            ws = Ptrace.waitFor(t.tid);
        } finally {
            closeClock();
        }
        if (ws.stopped() && ws.event() == 0 && ws.stopSig() == Signals.SIGTRAP
                && io.jrrtui.sys.TaskClock.isOurTrap(Ptrace.getSigInfo(t.tid))) {
            t.paused = true;
        }
        return ws;
    }

    /**
     * Polls t until it stops; once it has had threshold of CPU time, stops it. The tracer polls
     * from another CPU than the tracees' (when there is one): on theirs, the spinning tracer took
     * turns with the task, which got ~20 µs of a 1.3 ms pause, and a reverse search's bisection
     * then needed hundreds of rounds and left a piece of 160,000 hits (42 s on mt_racy_counter).
     */
    private static WaitStatus waitPolling(LiveTask t, long threshold) {
        io.jrrtui.sys.TracerThread.avoidTraceeCpu();
        try {
            return pollThenStop(t, threshold);
        } finally {
            io.jrrtui.sys.TracerThread.backToTraceeCpu();
        }
    }

    private static WaitStatus pollThenStop(LiveTask t, long threshold) {
        long t0 = System.nanoTime();
        while (true) {
            WaitStatus ws = Ptrace.pollFor(t.tid);
            if (ws != null) return settle(t, ws, false);
            if (System.nanoTime() - t0 >= threshold) break;
            Thread.onSpinWait();
        }
        try {
            Ptrace.tgkill(t.proc.tgid, t.tid, Signals.SIGSTOP);
        } catch (RuntimeException e) {
            return Ptrace.waitFor(t.tid); // gone meanwhile: its end is the stop
        }
        return settle(t, Ptrace.waitFor(t.tid), true);
    }

    /** A stop that is our SIGSTOP becomes a pause; one that came first leaves the SIGSTOP to be passed over. */
    private static WaitStatus settle(LiveTask t, WaitStatus ws, boolean signalled) {
        if (!signalled) return ws;
        if (ws.stopped() && ws.event() == 0 && ws.stopSig() == Signals.SIGSTOP) {
            t.paused = true;
        } else if (!ws.exited() && !ws.signaled()) {
            Ptrace.ignoreNextSigstop(t.tid); // it stopped by itself first: the SIGSTOP is still to come
        }
        return ws;
    }

    private void watch() {
        while (true) {
            long threshold = thresholdNanos;
            try {
                Thread.sleep(threshold < SHORT_NANOS ? 50 : Math.max(1, Math.min(20, threshold / 4_000_000)));
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (running == null || sent || threshold < SHORT_NANOS || System.nanoTime() - since < threshold) continue;
                try {
                    Ptrace.tgkill(running.proc.tgid, running.tid, Signals.SIGSTOP);
                    sent = true;
                } catch (RuntimeException e) {
                    // gone meanwhile: nothing to pause
                }
            }
        }
    }
}
