package io.jrrtui.record;

import io.jrrtui.sys.Ptrace;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Decides which task runs user code next and for how long. A task that keeps running without a
 * syscall past its timeslice is stopped (SIGSTOP from a watchdog thread) so the others can run. In
 * chaos mode timeslices are short and random and the next task is picked at random, so rare
 * interleavings show up.
 */
final class Scheduler implements AutoCloseable {
    private final Set<Integer> preemptRequested = ConcurrentHashMap.newKeySet();
    private final boolean chaos;
    private final Random random;
    private final long sliceMillis;
    /** The task running user code (0: none), its process, when it started and its slice. */
    private volatile int runningTid;
    private volatile int runningTgid;
    private volatile long runStartNanos;
    private volatile long runSliceNanos;
    /**
     * A sequence lock over the fields above (written by the tracer thread only): odd while they
     * change, bumped to the next even number after. An even value names one run.
     */
    private volatile long runSeq;
    /** Started at the first timeslice; one thread for the whole recording. */
    private Thread watchdog;
    private volatile boolean closed;
    /** Another task waits to run user code: only then is a timeslice enforced. */
    private volatile boolean othersWaiting;
    /** The running task has signals held back for a syscall that may never come (a CPU loop). */
    private volatile boolean signalsHeld;

    Scheduler(boolean chaos, long seed, long sliceMillis) {
        this.chaos = chaos;
        this.random = new Random(seed);
        this.sliceMillis = sliceMillis;
    }

    /** The next task to run from the queue (round-robin, or random in chaos mode). */
    RecordedTask pick(Deque<RecordedTask> runnable) {
        if (runnable.isEmpty()) return null;
        if (!chaos || runnable.size() == 1) return runnable.pollFirst();
        List<RecordedTask> all = new ArrayList<>(runnable);
        RecordedTask t = all.get(random.nextInt(all.size()));
        runnable.remove(t);
        return t;
    }

    /** Whether other tasks wait in the run queue (the tracer tells after every stop it handles). */
    void othersWaiting(boolean waiting) {
        othersWaiting = waiting;
    }

    /** Whether the running task holds back signals (the tracer tells after every stop it handles). */
    void signalsHeld(boolean held) {
        signalsHeld = held;
    }

    /**
     * t starts (or goes on) running user code: arm its timeslice. Called on every resume, so it
     * only notes the time in volatile fields: no task, no allocation, no wake-up of the watchdog
     * (a scheduled task per resume cost 14% of a recording's CPU).
     */
    void running(RecordedTask t) {
        long slice = chaos ? 1 + random.nextInt(20) : sliceMillis;
        runSeq++;
        runningTgid = t.proc.tgid;
        runSliceNanos = TimeUnit.MILLISECONDS.toNanos(slice);
        runStartNanos = System.nanoTime();
        runningTid = t.tid;
        runSeq++;
        if (watchdog == null) {
            watchdog = new Thread(this::watch, "jrr-timeslice");
            watchdog.setDaemon(true);
            watchdog.start();
        }
    }

    /**
     * The watchdog: sleeps to the running task's deadline, never longer than one poll period, so
     * a run that starts while it sleeps is looked at before its own deadline (the poll period is no
     * longer than any slice). At the deadline it stops the task if others wait or signals are held
     * back, else looks again a slice later (alone, running on costs nothing and needs no replay
     * point).
     */
    private void watch() {
        long pollNanos = TimeUnit.MILLISECONDS.toNanos(chaos ? 1 : sliceMillis);
        long seen = -1;
        long deadline = 0;
        while (!closed) {
            long seq = runSeq;
            int tid = runningTid;
            int tgid = runningTgid;
            long start = runStartNanos;
            long slice = runSliceNanos;
            if ((seq & 1) != 0 || runSeq != seq) { // changing right now: read again
                Thread.onSpinWait();
                continue;
            }
            if (seq != seen) {
                seen = seq;
                deadline = start + slice;
            }
            long now = System.nanoTime();
            if (tid == 0 || now < deadline) {
                LockSupport.parkNanos(this, tid == 0 ? pollNanos : Math.min(deadline - now, pollNanos));
                continue;
            }
            if (!othersWaiting && !signalsHeld) {
                deadline += slice;
                continue;
            }
            if (runSeq != seq) continue; // the run ended while we looked
            deadline = Long.MAX_VALUE; // once per run
            preemptRequested.add(tid);
            try {
                Ptrace.tgkill(tgid, tid, 19); // SIGSTOP
            } catch (RuntimeException e) {
                preemptRequested.remove(tid); // it ended meanwhile
            }
        }
    }

    /** No task runs user code now (the running one entered a syscall or stopped). */
    void idle() {
        runSeq++;
        runningTid = 0;
        runSeq++;
    }

    /** Whether a SIGSTOP of tid is one of ours (and forget it). */
    boolean takePreemption(int tid) {
        return preemptRequested.remove(tid);
    }

    boolean preemptionPending(int tid) {
        return preemptRequested.contains(tid);
    }

    @Override
    public void close() {
        closed = true;
        if (watchdog != null) LockSupport.unpark(watchdog);
    }
}
