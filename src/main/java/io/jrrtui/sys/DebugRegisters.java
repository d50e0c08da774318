package io.jrrtui.sys;

/**
 * Whether x86 debug registers work as execution breakpoints under this kernel and hypervisor.
 * Some hypervisors do not deliver debug-register traps (data watchpoints did not fire on some of
 * these VMs, which is why watches use page protection); an execution breakpoint that silently never fires would make
 * a breakpoint miss its hits, a wrong answer. So before the replay uses one for a user breakpoint,
 * the first launch of the JVM proves they fire: at the launcher's first stop, DR0 is set to the
 * instruction it stands on, and resuming it must trap there at once ({@link #probe}). Until a
 * probe succeeded, and after one failed, breakpoints stay int3 instructions.
 * {@code -Djrrtui.replay.hardwareBreakpoints=false} turns them off.
 */
public final class DebugRegisters {
    /** RF in eflags: the instruction at rip runs once without an instruction-breakpoint trap. */
    public static final long EFLAGS_RF = 1L << 16;

    private static volatile Boolean work;

    private DebugRegisters() {}

    /** True when a probe proved execution breakpoints fire here (and they are not turned off). */
    public static boolean executionBreakpointsWork() {
        Boolean w = work;
        return w != null && w && Boolean.parseBoolean(System.getProperty("jrrtui.replay.hardwareBreakpoints", "true"));
    }

    /** Whether a probe is still to be made (the first launch of this JVM that asks for one). */
    static boolean probeWanted() {
        return work == null;
    }

    /**
     * Probes with tracee pid, stopped at a signal-delivery stop whose signal is to be suppressed:
     * resumes it with DR0 on its current instruction and returns the stop that followed when it
     * was not the probe's trap (the caller handles that stop as its own), else null with the
     * tracee stopped where it was, debug registers cleared.
     */
    static WaitStatus probe(int pid) {
        long rip = Ptrace.getRegs(pid).rip();
        boolean fired = false;
        WaitStatus other = null;
        try {
            Ptrace.setDebugReg(pid, 0, rip);
            Ptrace.setDebugReg(pid, 7, 1);
            Ptrace.resume(Ptrace.PTRACE_CONT, pid, 0);
            WaitStatus ws = Ptrace.waitFor(pid);
            if (ws.stopped() && ws.event() == 0 && ws.stopSig() == io.jrrtui.arch.Signals.SIGTRAP
                    && (Ptrace.getDebugReg(pid, 6) & 1) != 0 && Ptrace.getRegs(pid).rip() == rip) {
                fired = true;
            } else {
                other = ws;
            }
        } catch (RuntimeException e) {
            // a kernel that refuses the registers: no hardware breakpoints
        } finally {
            if (other == null || other.stopped()) {
                try {
                    Ptrace.setDebugReg(pid, 7, 0);
                    Ptrace.setDebugReg(pid, 6, 0);
                } catch (RuntimeException e) {
                    // gone
                }
            }
        }
        work = fired;
        return other;
    }
}
