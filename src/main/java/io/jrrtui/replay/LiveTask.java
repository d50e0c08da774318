package io.jrrtui.replay;

import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.sys.WaitStatus;

/** A replaying thread: its live tid for the recorded one, its process, and where it is. */
final class LiveTask {
    /** The replaying process of a task (threads share it). */
    static final class Proc {
        int tgid;
        TraceeMemory mem;
        int liveTasks;
        /** rdtsc/rdtscp rewritten to trap, exactly as the recorder rewrote them. */
        io.jrrtui.record.TimestampPatches timestamps = new io.jrrtui.record.TimestampPatches();
        /** A thread ran exit_group: the others die by it, never resumed again. */
        boolean groupExiting;
        /** It has mapped shared anonymous memory, which a forked checkpoint would share with it. */
        boolean sharedMemory;

        Proc(int tgid) {
            this.tgid = tgid;
            this.mem = new TraceeMemory(tgid);
        }
    }

    final int recordedTid;
    int tid;
    Proc proc;
    /** A stop already waited for but not yet matched with an event. */
    WaitStatus pending;
    /** Signal to deliver when next resumed. */
    int deliver;
    /** exit/exit_group ran for real; its death is collected later. */
    boolean exiting;
    boolean dead;
    /** The clone/fork being replayed: its recorded result and entry registers. */
    io.jrrtui.trace.SyscallEvent spawnResult;
    io.jrrtui.arch.Registers spawnEntry;
    long restoreClone3Flags;
    /** Passes of its next preemption point's pc seen so far (the search goes on across calls). */
    int preemptPasses;
    /** Time t has run in that search so far (user stops in between do not count). */
    long preemptSearchNanos;
    /** The name the program gave the thread (prctl PR_SET_NAME, /proc/self/task/N/comm), else null. */
    String name;
    /** The signal the replayer raised for the next (boundary) signal event, else 0. */
    int raisedSignal;
    /** Buffered calls put into its syscall buffer, checked at its next stop (else null). */
    io.jrrtui.trace.BufferedCallsEvent bufferedCalls;

    /** The robust-futex list head it registered (set_robust_list), else 0. */
    long robustHead;
    /** Its last stop is a pause of a long stretch ({@link StretchPause}), not an event. */
    boolean paused;
    /** Where the kernel clears the tid at the thread's exit (its clone's CLONE_CHILD_CLEARTID), else 0. */
    long clearChildTid;
    /** The thread set an alternate signal stack (kernel state a checkpoint cannot re-create for a thread). */
    boolean ownSignalStack;
    /** Syscall User Dispatch is on in this thread (per-thread kernel state a re-created thread would lack). */
    boolean userDispatch;

    /** The {@link HardwareSlots#version} its debug registers hold (0: none written since it was created or exec'd). */
    int debugRegsVersion;

    /** Numbers of this task's events whose work was done at an earlier event (EventReplayer.executeAhead). */
    final java.util.Set<Long> doneAhead = new java.util.HashSet<>();

    LiveTask(int recordedTid, int tid, Proc proc) {
        this.recordedTid = recordedTid;
        this.tid = tid;
        this.proc = proc;
        proc.liveTasks++;
    }
}
