package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import java.util.ArrayDeque;
import java.util.Deque;

/** One thread of the recording and where it is in the recorder's scheduling. */
final class RecordedTask {
    final int tid;
    RecordedProcess proc;
    /** Between a syscall-entry stop and its exit stop. */
    boolean inSyscall;
    Registers entry;
    /** Our SIGSTOP interrupted the call at entry: the kernel's restart of it is the same call going on. */
    boolean restartPending;
    /** A clone/fork/vfork whose event was written at the PTRACE_EVENT stop. */
    boolean spawnWritten;
    /** The event written at the entry of the task's exit/exit_group syscall, if any. */
    io.jrrtui.trace.ExitEvent exitEvent;
    /** Stopped in a ptrace stop and must be resumed to go on. */
    boolean stopped;
    /** The last stop was a syscall exit: a signal now is delivered on an event boundary. */
    boolean atBoundary;
    /** Registers right after the last syscall returned (to tell a stop at that boundary from one later). */
    Registers boundaryRegs;
    /**
     * When the boundary is a preemption point: a digest of the writable memory there. A loop whose
     * registers repeat (a spin counter kept in memory) comes back to the same registers with other
     * memory, so equal registers alone do not show that no user code ran.
     */
    Long boundaryMemory;
    /** The program's clone flags when CLONE_UNTRACED was taken out of them (UntracedClones), else 0. */
    long untracedFlags;
    /** Signal to deliver when next resumed. */
    int deliver;
    /** Signals that arrived while user code ran, held back to the next syscall exit. */
    final Deque<byte[]> heldSignals = new ArrayDeque<>();

    RecordedTask(int tid, RecordedProcess proc) {
        this.tid = tid;
        this.proc = proc;
    }
}
