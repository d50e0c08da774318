package io.jrrtui.record;

import io.jrrtui.sys.Ptrace;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Decides which task runs user code next and for how long. A task that keeps running without a
 * syscall past its timeslice is stopped (SIGSTOP from a watchdog thread) so the others can run. In
 * chaos mode timeslices are short and random and the next task is picked at random, so rare
 * interleavings show up.
 */
final class Scheduler implements AutoCloseable {
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "jrr-timeslice");
        t.setDaemon(true);
        return t;
    });
    private final Set<Integer> preemptRequested = ConcurrentHashMap.newKeySet();
    private final boolean chaos;
    private final Random random;
    private final long sliceMillis;
    private volatile int runningTid;
    private volatile long runSeq;
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

    /** t starts (or goes on) running user code: arm its timeslice. */
    void running(RecordedTask t) {
        long seq = ++runSeq;
        runningTid = t.tid;
        long slice = chaos ? 1 + random.nextInt(20) : sliceMillis;
        arm(t.proc.tgid, t.tid, seq, slice);
    }

    /** At the end of the slice: stop the task if others wait, else look again a slice later. */
    private void arm(int tgid, int tid, long seq, long slice) {
        watchdog.schedule(() -> {
            if (runningTid != tid || runSeq != seq) return;
            if (!othersWaiting && !signalsHeld) {
                arm(tgid, tid, seq, slice); // alone: running on costs nothing and needs no replay point
                return;
            }
            preemptRequested.add(tid);
            try {
                Ptrace.tgkill(tgid, tid, 19); // SIGSTOP
            } catch (RuntimeException e) {
                preemptRequested.remove(tid); // it ended meanwhile
            }
        }, slice, TimeUnit.MILLISECONDS);
    }

    /** No task runs user code now (the running one entered a syscall or stopped). */
    void idle() {
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
        watchdog.shutdownNow();
    }
}
