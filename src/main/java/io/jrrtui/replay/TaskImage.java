package io.jrrtui.replay;

import io.jrrtui.arch.Registers;
import io.jrrtui.sys.Ptrace;
import java.util.Set;

/**
 * What a checkpoint keeps of one thread beyond the memory its process shares: the kernel state
 * a fork does not copy for threads other than the forking one (registers with the thread
 * pointer, vector registers, blocked signals, where its tid is cleared at exit) and the replay's
 * own bookkeeping of the task. {@code inSyscall}: the thread was stopped at the entry of its next
 * recorded syscall (registers as at that stop), which a restore re-enters.
 */
record TaskImage(int recordedTid, boolean leader, Registers regs, byte[] xstate, long sigMask, long clearChildTid,
        boolean inSyscall, int deliver, String name, Set<Long> doneAhead, int preemptPasses) {

    /** Takes t's image; t must be stopped. */
    static TaskImage of(LiveTask t) {
        return new TaskImage(t.recordedTid, t.tid == t.proc.tgid, Ptrace.getRegs(t.tid), Ptrace.getXState(t.tid), Ptrace.getSigMask(t.tid),
                t.clearChildTid, t.pending != null, t.deliver, t.name, Set.copyOf(t.doneAhead), t.preemptPasses);
    }
}
