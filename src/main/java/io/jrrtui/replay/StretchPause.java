package io.jrrtui.replay;

import io.jrrtui.arch.Signals;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.WaitStatus;

/**
 * Stops a task that has run natively, without an event, for longer than a threshold: a SIGSTOP
 * from a watcher thread turns the middle of a long syscall-free stretch into a stop, where the
 * timeline can fork a checkpoint (without a performance counter nothing else can stop a task
 * there at native speed). The replay never delivers that SIGSTOP. When it arrives just after the
 * task stopped by itself, it stays pending: {@link Ptrace#ignoreNextSigstop} passes over it.
 */
final class StretchPause {
    /** 0: no pauses. */
    private volatile long thresholdNanos;
    private LiveTask running;
    private long since;
    private boolean sent;
    private Thread watcher;

    void setThreshold(long nanos) {
        thresholdNanos = nanos;
        if (nanos > 0 && watcher == null) {
            watcher = new Thread(this::watch, "jrrtui-stretch-pause");
            watcher.setDaemon(true);
            watcher.start();
        }
    }

    boolean enabled() {
        return thresholdNanos > 0;
    }

    /** Resumes t (already resumed by the caller) and waits for its next stop; true in t.paused when the stop is a pause. */
    WaitStatus waitFor(LiveTask t) {
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
                Thread.sleep(threshold <= 0 ? 50 : Math.max(1, Math.min(20, threshold / 4_000_000)));
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (running == null || sent || threshold <= 0 || System.nanoTime() - since < threshold) continue;
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
