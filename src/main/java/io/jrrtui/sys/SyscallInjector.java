package io.jrrtui.sys;

import io.jrrtui.arch.Registers;

/**
 * Makes a stopped tracee run one syscall of our choosing and then puts it back exactly as it was:
 * writes a {@code syscall} instruction at rip, steps it with two syscall stops, restores the bytes
 * and registers. Used at the exec stop (e.g. to turn on cpuid faulting, which exec resets).
 */
public final class SyscallInjector {
    private static final byte[] SYSCALL_INSN = {0x0f, 0x05};

    private SyscallInjector() {}

    /** Runs syscall nr with args in tracee pid and returns its raw result (negative errno on failure). */
    public static long inject(int pid, TraceeMemory mem, long nr, long... args) {
        Registers saved = Ptrace.getRegs(pid);
        byte[] code = mem.read(saved.rip(), 2);
        mem.write(saved.rip(), SYSCALL_INSN);
        try {
            Registers r = saved.with(Registers.RAX, nr).with(Registers.ORIG_RAX, nr);
            for (int i = 0; i < args.length; i++) r = r.withArg(i, args[i]);
            Ptrace.setRegs(pid, r);
            stepToSyscallStop(pid); // entry
            stepToSyscallStop(pid); // exit
            return Ptrace.getRegs(pid).rax();
        } finally {
            mem.write(saved.rip(), code);
            Ptrace.setRegs(pid, saved);
        }
    }

    private static void stepToSyscallStop(int pid) {
        Ptrace.resume(Ptrace.PTRACE_SYSCALL, pid, 0);
        WaitStatus ws = Ptrace.waitFor(pid);
        if (!ws.syscallStop()) {
            throw new io.jrrtui.util.JrrException("injected syscall in pid " + pid + " did not stop as expected: " + ws);
        }
    }
}
