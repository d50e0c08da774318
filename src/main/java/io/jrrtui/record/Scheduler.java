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
 *
 * <p>Chaos slices are drawn log-uniformly from 5 µs to 20 ms and start afresh at every switch-in
 * (every syscall is one): a race window a few instructions wide in a loop that runs for tens of
 * microseconds is hit only if preemptions land that finely. A sleeping timer wakes 50–100 µs late
 * here, so slices under {@link #SPIN_BELOW_NANOS} are timed by a thread that spins on the clock
 * (only in chaos mode, only while such a slice runs).
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

    private static final long MIN_CHAOS_NANOS = 5_000, MAX_CHAOS_NANOS = 20_000_000;
    static final long SPIN_BELOW_NANOS = 2_000_000;
    /** The short slice the spinning thread times: {seq, tgid, tid, deadline}, or null. */
    private final java.util.concurrent.atomic.AtomicReference<long[]> spinSlice = new java.util.concurrent.atomic.AtomicReference<>();
    private Thread spinner;

    Scheduler(boolean chaos, long seed, long sliceMillis) {
        this.chaos = chaos;
        this.random = new Random(seed);
        this.sliceMillis = sliceMillis;
    }

    /** A chaos slice: log-uniform, so every scale from microseconds to milliseconds is as likely. */
    private long chaosSliceNanos() {
        double lo = Math.log(MIN_CHAOS_NANOS), hi = Math.log(MAX_CHAOS_NANOS);
        return (long) Math.exp(lo + random.nextDouble() * (hi - lo));
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

    /**
     * Chaos mode: how many instructions the task being switched in should run (single-stepped)
     * before it is preempted, or 0 to run it normally. Half the switches while others wait,
     * log-uniform from 1 to 10,000 instructions.
     */
    int chaosSteps(boolean othersWait) {
        if (!chaos || !othersWait || random.nextBoolean()) return 0;
        return (int) Math.exp(random.nextDouble() * Math.log(10_000));
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
        arm(t.proc.tgid, t.tid, seq, chaos ? chaosSliceNanos() : TimeUnit.MILLISECONDS.toNanos(sliceMillis));
    }

    /** At the end of the slice: stop the task if others wait, else look again a slice later. */
    private void arm(int tgid, int tid, long seq, long sliceNanos) {
        if (chaos && sliceNanos < SPIN_BELOW_NANOS) {
            spinSlice.set(new long[] {seq, tgid, tid, System.nanoTime() + sliceNanos});
            startSpinner();
            return;
        }
        watchdog.schedule(() -> sliceEnded(tgid, tid, seq), sliceNanos, TimeUnit.NANOSECONDS);
    }

    private void sliceEnded(int tgid, int tid, long seq) {
        if (runningTid != tid || runSeq != seq) return;
        if (!othersWaiting && !signalsHeld) {
            // alone: running on costs nothing and needs no replay point
            arm(tgid, tid, seq, chaos ? chaosSliceNanos() : TimeUnit.MILLISECONDS.toNanos(sliceMillis));
            return;
        }
        // one SIGSTOP at a time: a second one would outlive the preemption it was for and stop the
        // whole process as a real SIGSTOP does
        if (!preemptRequested.add(tid)) return;
        try {
            Ptrace.tgkill(tgid, tid, 19); // SIGSTOP
        } catch (RuntimeException e) {
            preemptRequested.remove(tid); // it ended meanwhile
        }
    }

    private synchronized void startSpinner() {
        if (spinner == null) {
            spinner = new Thread(this::spin, "jrr-chaos-slice");
            spinner.setDaemon(true);
            spinner.start();
        } else {
            java.util.concurrent.locks.LockSupport.unpark(spinner);
        }
    }

    /** Times short chaos slices: sleeps while none runs, spins on the clock while one does. */
    private void spin() {
        while (!Thread.currentThread().isInterrupted()) {
            long[] slice = spinSlice.get();
            if (slice == null || slice[0] != runSeq) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // a new slice unparks us
                continue;
            }
            long left = slice[3] - System.nanoTime();
            if (left > 200_000) {
                java.util.concurrent.locks.LockSupport.parkNanos(left - 150_000);
            } else if (left > 0) {
                Thread.onSpinWait();
            } else if (spinSlice.compareAndSet(slice, null)) {
                sliceEnded((int) slice[1], (int) slice[2], slice[0]);
            }
        }
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
        synchronized (this) {
            if (spinner != null) spinner.interrupt();
        }
    }
}
