package io.jrrtui.record;

import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.TracerThread;
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
 *
 * <p>Chaos slices are drawn log-uniformly from 5 µs to 20 ms and start afresh at every switch-in
 * (every syscall is one): a race window a few instructions wide in a loop that runs for tens of
 * microseconds is hit only if preemptions land that finely. A sleeping thread wakes 50–100 µs late
 * here, so the watchdog spins on the clock for the last {@link #SPIN_NANOS} before a deadline (only
 * in chaos mode). On top of that, {@link #chaosSteps} has the tracer single-step a task a random
 * number of instructions before preempting it, which lands inside windows no timer can.
 */
final class Scheduler implements AutoCloseable {
    private static final long MIN_CHAOS_NANOS = 5_000, MAX_CHAOS_NANOS = 20_000_000;
    private static final long SPIN_NANOS = 200_000;
    private static final long STEP_ALLOWANCE_NANOS = 1_000_000_000L;
    private final long startNanos = System.nanoTime();
    /** Chaos mode: time the tracer has spent single-stepping tasks (tracer thread only). */
    private long steppedNanos;
    private final Set<Integer> preemptRequested = ConcurrentHashMap.newKeySet();
    private final boolean chaos;
    private final Random random;
    private final long sliceMillis;
    /**
     * The task switched in (0: none), its process, and its slice as time it has yet to execute:
     * the clock runs only between a resume and the next stop ({@link #executing}, since
     * {@link #runStartNanos}). Time the tracer spends handling its stops (a syscall's exit, an
     * emulated rdtsc) is not the task's: counted, a slice of microseconds would end before the task
     * ran an instruction, and its SIGSTOP, queued while it was stopped, would preempt it where it stood.
     */
    private volatile int runningTid;
    private volatile int runningTgid;
    private volatile long runStartNanos;
    private volatile long runSliceNanos;
    private volatile boolean executing;
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

    /**
     * Chaos mode: how many instructions the task being switched in should run (single-stepped)
     * before it is preempted, or 0 to run it normally: log-uniform from 1 to 10,000 instructions
     * (~15 ms of stepping on average) whenever another task exists, within the stepping budget.
     * The budget ({@link #STEP_ALLOWANCE_NANOS} plus as much time as the recording has spent not
     * stepping) keeps a program whose threads always have work (all of it would be single-stepped)
     * within about twice its usual recording time plus a second; a short racy program spends all
     * of its run in the allowance, where every switch can land inside a window of a few instructions.
     */
    int chaosSteps(boolean othersExist) {
        if (!chaos || !othersExist) return 0;
        long notStepping = System.nanoTime() - startNanos - steppedNanos;
        if (steppedNanos > STEP_ALLOWANCE_NANOS + notStepping) return 0;
        return (int) Math.exp(random.nextDouble() * Math.log(10_000));
    }

    /** Chaos mode: the tracer spent nanos single-stepping a task (counted against the budget). */
    void stepped(long nanos) {
        steppedNanos += nanos;
    }

    boolean chaos() {
        return chaos;
    }

    /** Whether other tasks wait in the run queue (the tracer tells after every stop it handles). */
    void othersWaiting(boolean waiting) {
        othersWaiting = waiting;
    }

    /** Whether the running task holds back signals (the tracer tells after every stop it handles). */
    void signalsHeld(boolean held) {
        signalsHeld = held;
    }

    /** A chaos slice: log-uniform, so every scale from microseconds to milliseconds is as likely. */
    private long sliceNanos() {
        if (!chaos) return TimeUnit.MILLISECONDS.toNanos(sliceMillis);
        double lo = Math.log(MIN_CHAOS_NANOS), hi = Math.log(MAX_CHAOS_NANOS);
        return (long) Math.exp(lo + random.nextDouble() * (hi - lo));
    }

    /**
     * t starts (or goes on) running user code: arm its timeslice. Called at every switch-in, so it
     * only notes the time in volatile fields: no task, no allocation, no wake-up of the watchdog
     * (a scheduled task per resume cost 14% of a recording's CPU).
     */
    void running(RecordedTask t) {
        long slice = sliceNanos();
        runSeq++;
        runningTgid = t.proc.tgid;
        runSliceNanos = slice;
        executing = false;
        runningTid = t.tid;
        runSeq++;
        if (watchdog == null) {
            watchdog = new Thread(this::watch, "jrr-timeslice");
            watchdog.setDaemon(true);
            watchdog.start();
        }
    }

    /** The task switched in was resumed: its slice's clock runs. */
    void resumed(int tid) {
        if (tid != runningTid || executing) return;
        runSeq++;
        runStartNanos = System.nanoTime();
        executing = true;
        runSeq++;
        if (chaos) LockSupport.unpark(watchdog); // a slice of microseconds cannot wait for the next poll
    }

    /** The task switched in stopped: its clock stops, what it ran is taken off its slice. */
    void stopped(int tid) {
        if (tid != runningTid || !executing) return;
        runSeq++;
        runSliceNanos -= System.nanoTime() - runStartNanos;
        executing = false;
        runSeq++;
    }

    /**
     * The watchdog: sleeps to the running task's deadline, never longer than one poll period, so
     * a run that starts while it sleeps is looked at before its own deadline (the poll period is no
     * longer than any slice). At the deadline it stops the task if others wait or signals are held
     * back, else looks again a slice later (alone, running on costs nothing and needs no replay
     * point). In chaos mode the last {@link #SPIN_NANOS} before a deadline are spun, not slept.
     */
    private void watch() {
        if (chaos) TracerThread.avoidTraceeCpu();
        long pollNanos = TimeUnit.MILLISECONDS.toNanos(chaos ? 1 : sliceMillis);
        long seen = -1;
        long deadline = 0;
        while (!closed) {
            long seq = runSeq;
            int tid = runningTid;
            int tgid = runningTgid;
            long start = runStartNanos;
            long slice = runSliceNanos;
            boolean running = executing;
            if ((seq & 1) != 0 || runSeq != seq) { // changing right now: read again
                Thread.onSpinWait();
                continue;
            }
            if (!running) tid = 0; // stopped: its clock does not run
            if (seq != seen) {
                seen = seq;
                deadline = start + slice;
            }
            long now = System.nanoTime();
            if (tid == 0 || now < deadline) {
                long left = deadline - now;
                if (tid != 0 && chaos && left <= SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, tid == 0 ? pollNanos : Math.min(chaos ? left - SPIN_NANOS : left, pollNanos));
                }
                continue;
            }
            if (!othersWaiting && !signalsHeld) {
                deadline += chaos ? sliceNanos() : slice;
                continue;
            }
            if (runSeq != seq) continue; // the run ended while we looked
            deadline = Long.MAX_VALUE; // once per run
            // one SIGSTOP at a time: a second one would outlive the preemption it was for and stop
            // the whole process as a real SIGSTOP does
            if (!preemptRequested.add(tid)) continue;
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
        executing = false;
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
