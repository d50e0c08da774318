package io.jrrtui.replay;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Signals;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.WaitStatus;
import io.jrrtui.trace.SignalEvent;

/**
 * SIGBUS faults the recording took where replay cannot fault: a file mapping read past the end of
 * a file truncated under it. Replay holds file mappings as memory of its own (it never opens the
 * program's files), which no truncate shrinks, so the access just reads. The fault is therefore
 * made here: the task runs to the first pass of the faulting instruction with the recorded
 * registers (an int3 there, as for preemption points; debug registers do not fire on these VMs),
 * and the recorded SIGBUS, with its siginfo, is delivered at that signal stop.
 */
final class LostFaults {
    private static final byte INT3 = (byte) 0xcc;
    private static final int SI_KERNEL = 0x80;
    /** Passes of the instruction tried before the search gives up (the run then diverges as before). */
    private static final int MAX_PASSES = 100_000;

    private LostFaults() {}

    /** Whether event e is a SIGBUS fault of task t (the one kind made here). */
    static boolean applies(LiveTask t, Object e) {
        return e instanceof SignalEvent se && se.tid() == t.recordedTid && se.fault() && se.signo() == Signals.SIGBUS && t.pending == null;
    }

    /**
     * Runs t to the recorded fault point of se. True when t stands there, in a signal stop, with
     * the recorded siginfo set and the signal to deliver in t.deliver; false when another stop
     * came first (left in t.pending for the usual handling: the access faulted for real, a
     * syscall, a breakpoint...).
     */
    static boolean reach(LiveTask t, SignalEvent se) {
        long target = se.regs().rip();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            byte[] saved = t.proc.mem.read(target, 1);
            boolean ours = saved[0] != INT3;
            if (ours) t.proc.mem.write(target, new byte[] {INT3});
            WaitStatus ws;
            try {
                Ptrace.resume(Ptrace.PTRACE_SYSEMU, t.tid, t.deliver);
                t.deliver = 0;
                ws = Ptrace.waitFor(t.tid);
            } finally {
                if (ours && !t.dead) t.proc.mem.write(target, saved);
            }
            if (!isTrapAt(t, ws, target) || !ours) {
                // another stop, or the user's breakpoint on the faulting instruction: it is hit
                // first, as natively; the step off it delivers the signal (EventReplayer.faultHere)
                t.pending = ws;
                return false;
            }
            Registers regs = Ptrace.getRegs(t.tid).with(Registers.RIP, target);
            Ptrace.setRegs(t.tid, regs);
            if (EventReplayer.samePoint(regs, se.regs())) {
                Ptrace.setSigInfo(t.tid, se.siginfo());
                t.deliver = se.signo();
                return true;
            }
            // another pass of the instruction (other registers): run it, then look again
            Ptrace.resume(Ptrace.PTRACE_SINGLESTEP, t.tid, 0);
            WaitStatus step = Ptrace.waitFor(t.tid);
            if (!step.stopped() || step.syscallStop() || step.stopSig() != Signals.SIGTRAP) {
                t.pending = step;
                return false;
            }
        }
        return false;
    }

    /**
     * Whether t is in a signal-delivery stop of a trap (a step, a breakpoint, an int3): only there
     * does a changed siginfo go with the signal (a syscall stop would send it as from the kernel).
     */
    static boolean inTrapStop(LiveTask t) {
        byte[] info = Ptrace.getSigInfo(t.tid);
        if (info == null || Signals.siginfoSigno(info) != Signals.SIGTRAP) return false;
        int code = Signals.siginfoCode(info);
        return code == TRAP_BRKPT || code == TRAP_TRACE || code == TRAP_HWBKPT || code == SI_KERNEL;
    }

    /** TRAP_HWBKPT: a breakpoint held in a debug register. */
    private static final int TRAP_BRKPT = 1, TRAP_TRACE = 2, TRAP_HWBKPT = 4;

    private static boolean isTrapAt(LiveTask t, WaitStatus ws, long target) {
        if (!ws.stopped() || ws.syscallStop() || ws.event() != 0 || ws.stopSig() != Signals.SIGTRAP) return false;
        return Ptrace.getRegs(t.tid).rip() - 1 == target && Signals.siginfoCode(Ptrace.getSigInfo(t.tid)) == SI_KERNEL;
    }
}
