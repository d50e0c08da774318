package io.jrrtui.replay;

import io.jrrtui.arch.Signals;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.WaitStatus;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds a search that resumes a task again and again for a point it may never reach (a
 * preemption point behind a spin loop that waits for a thread the replay has not run yet): at the
 * deadline a timer thread sends the task a SIGSTOP, which ends the wait it is in (or the next one)
 * with a stop the caller recognises through {@link #expired}. The replay never delivers that
 * SIGSTOP; one still pending when the search ends is passed over by the waits
 * ({@link Ptrace#ignoreNextSigstop}).
 */
final class StopDeadline implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread th = new Thread(r, "jrrtui-stop-deadline");
        th.setDaemon(true);
        return th;
    });

    private final LiveTask task;
    private final ScheduledFuture<?> timer;
    private boolean closed;
    private boolean sent;
    private boolean consumed;

    private StopDeadline(LiveTask task, long nanos) {
        this.task = task;
        this.timer = TIMER.schedule(this::stop, nanos, TimeUnit.NANOSECONDS);
    }

    /** Starts the clock: the task is stopped once nanos have passed. */
    static StopDeadline after(LiveTask task, long nanos) {
        return new StopDeadline(task, nanos);
    }

    private synchronized void stop() {
        if (closed) return;
        try {
            Ptrace.tgkill(task.proc.tgid, task.tid, Signals.SIGSTOP);
            sent = true;
        } catch (RuntimeException e) {
            // the task is gone: its end ends the wait
        }
    }

    /** Whether ws is the deadline's SIGSTOP (then the deadline has passed and the stop is used up). */
    synchronized boolean expired(WaitStatus ws) {
        if (!sent || consumed || !ws.stopped() || ws.event() != 0 || ws.stopSig() != Signals.SIGSTOP) return false;
        consumed = true;
        return true;
    }

    @Override
    public synchronized void close() {
        closed = true;
        timer.cancel(false);
        if (sent && !consumed) Ptrace.ignoreNextSigstop(task.tid);
    }
}
