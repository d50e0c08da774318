package io.jrrtui.sys;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Signals;
import io.jrrtui.util.JrrException;

/**
 * Makes a stopped tracee run one syscall of our choosing and then puts it back exactly as it was:
 * writes a {@code syscall} instruction at rip, runs it under PTRACE_SYSCALL, restores the bytes and
 * registers. Used at the exec stop (cpuid faulting, which exec resets) and to fork checkpoints.
 */
public final class SyscallInjector {
    private static final byte[] SYSCALL_INSN = {0x0f, 0x05};
    private static final int SYS_FORK = 57;

    /** The injected call's result and, for fork, the new (stopped, traced) child. */
    public record Result(long value, int childPid) {}

    private SyscallInjector() {}

    /** Runs syscall nr with args in tracee pid and returns its raw result (negative errno on failure). */
    public static long inject(int pid, TraceeMemory mem, long nr, long... args) {
        return run(pid, mem, nr, args).value();
    }

    /**
     * Forks the tracee. The child is a stopped, traced copy whose registers and memory are exactly
     * the parent's at this moment (the injected instruction is removed from both).
     */
    public static int fork(int pid, TraceeMemory mem) {
        return forkBy(pid, mem, SYS_FORK);
    }

    /**
     * Like {@link #fork}, but the copy's death sends its parent no signal (a clone with exit
     * signal 0): a short-lived copy killed while the program stands still must leave no SIGCHLD
     * pending in the program, which would arrive at its next resume.
     */
    public static int forkSilently(int pid, TraceeMemory mem) {
        return forkBy(pid, mem, SYS_CLONE, 0, 0, 0, 0, 0);
    }

    private static int forkBy(int pid, TraceeMemory mem, long nr, long... args) {
        Registers saved = Ptrace.getRegs(pid);
        byte[] code = mem.read(saved.rip(), 2);
        long[] dispatch = Ptrace.getDispatchConfig(pid);
        Result r = run(pid, mem, nr, args);
        if (r.value() < 0 || r.childPid() <= 0) throw new JrrException("cannot fork a checkpoint of pid " + pid + ": " + r.value());
        int child = r.childPid();
        WaitStatus ws = Ptrace.waitFor(child);
        if (!ws.stopped()) throw new JrrException("checkpoint process " + child + " did not stop: " + ws);
        try (TraceeMemory childMem = new TraceeMemory(child)) {
            childMem.write(saved.rip(), code);
        }
        Ptrace.setRegs(child, saved);
        // fork does not pass Syscall User Dispatch on; the copy must dispatch as the program does
        if (dispatch != null && dispatch[0] != 0) Ptrace.setDispatchConfig(child, dispatch);
        return child;
    }

    /**
     * Like {@link #inject}, for a tracee stopped in user mode (at a signal or a single-step trap,
     * never at a syscall stop): the {@code syscall} instruction is single-stepped, one trap after
     * the call returns instead of an entry and an exit stop. Page watchpoints make two calls per
     * watched write, so this halves what their injected calls cost. Not for calls that create a
     * process or thread (their event stops are not handled here).
     */
    public static long injectByStep(int pid, TraceeMemory mem, long nr, long... args) {
        return keepingStop(pid, () -> stepOnce(pid, mem, nr, args));
    }

    private static long stepOnce(int pid, TraceeMemory mem, long nr, long... args) {
        Registers saved = Ptrace.getRegs(pid);
        long insn = saved.rip();
        byte[] code = mem.read(insn, 2);
        mem.write(insn, SYSCALL_INSN);
        try {
            // orig_rax stays as it is (-1 here): the instruction sets it, and a number there would
            // make the stop look like one inside a syscall to the kernel's restart logic
            Registers r = saved.with(Registers.RAX, nr);
            for (int i = 0; i < args.length; i++) r = r.withArg(i, args[i]);
            Ptrace.setRegs(pid, r);
            for (int guard = 0; guard < 4; guard++) {
                Ptrace.resume(Ptrace.PTRACE_SINGLESTEP, pid, 0);
                WaitStatus ws = Ptrace.waitFor(pid);
                if (ws.exited() || ws.signaled()) throw new JrrException("pid " + pid + " ended during an injected syscall: " + ws);
                Registers now = Ptrace.getRegs(pid);
                if (ws.stopped() && ws.stopSig() == Signals.SIGTRAP && now.rip() == insn + 2) return now.rax();
                if (ws.stopped() && ws.stopSig() == Signals.SIGSYS && now.rip() == insn + 2) throw dispatched(pid, nr);
                // another stop before the call ran (an event stop): the instruction is still to run
                if (now.rip() != insn) break;
            }
            throw new JrrException("injected syscall " + nr + " in pid " + pid + " did not complete by a single step");
        } finally {
            mem.write(insn, code);
            Ptrace.setRegs(pid, saved);
        }
    }

    private static final int SYS_CLONE = 56;
    /** CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM: a thread exactly like pthread_create's, minus TLS and tid writes. */
    private static final long THREAD_FLAGS = 0x100 | 0x200 | 0x400 | 0x800 | 0x10000 | 0x40000;
    private static final long CLONE_CHILD_CLEARTID = 0x200000;

    /**
     * Creates a new thread in the tracee (pid must be a stopped thread of it, traced with
     * PTRACE_O_TRACECLONE) and returns its tid, stopped before its first instruction. Its
     * registers are the creator's until the caller sets them; nothing is written to memory.
     * clearChildTid, when not 0, is where the kernel clears the tid and wakes a futex at its exit
     * (pthread_join waits on it).
     */
    public static int cloneThread(int pid, TraceeMemory mem, long clearChildTid) {
        long flags = THREAD_FLAGS | (clearChildTid != 0 ? CLONE_CHILD_CLEARTID : 0);
        Result r = run(pid, mem, SYS_CLONE, flags, 0, 0, clearChildTid, 0);
        if (r.value() < 0 || r.childPid() <= 0) throw new JrrException("cannot create a thread in pid " + pid + ": " + r.value());
        WaitStatus ws = Ptrace.waitFor(r.childPid());
        if (!ws.stopped()) throw new JrrException("new thread " + r.childPid() + " did not stop: " + ws);
        return r.childPid();
    }

    private static Result run(int pid, TraceeMemory mem, long nr, long... args) {
        return keepingStop(pid, () -> runOnce(pid, mem, nr, args));
    }

    /**
     * Runs an injection so that the task is left in the kind of stop it was in, as far as the
     * program can tell:
     * <ul>
     * <li>At the delivery stop of a signal the caller may still deliver (not a trap, not a fault
     * the instruction raises again), the injection's own stops replace that stop and the kernel
     * forgets the signal; resuming with it from a syscall stop does not deliver it. So it is sent
     * again afterwards and the task brought back to a delivery stop of it, with its siginfo.
     * (Found when a watchpoint set at a "Program received signal" stop lost the signal.)</li>
     * <li>With Syscall User Dispatch on and the program's selector at BLOCK, the kernel would send
     * our call to the program's SIGSYS handler — and a SIGSYS forced inside that handler resets it
     * to the default. Dispatch is turned off for the call and put back (one more ptrace request
     * per call; before Linux 6.4 dispatch cannot be seen, and a dispatched call is an error).</li>
     * </ul>
     */
    private static <T> T keepingStop(int pid, java.util.function.Supplier<T> call) {
        byte[] signal = deliverableSignal(Ptrace.getSigInfo(pid));
        long[] dispatch = Ptrace.getDispatchConfig(pid);
        boolean dispatching = dispatch != null && dispatch[0] != 0;
        if (dispatching) Ptrace.setDispatchConfig(pid, new long[] {0, 0, 0, 0});
        T result;
        try {
            result = call.get();
        } finally {
            if (dispatching) Ptrace.setDispatchConfig(pid, dispatch);
        }
        if (signal != null) backToDelivery(pid, signal);
        return result;
    }

    /** The siginfo of a signal-delivery stop whose signal the tracer may still deliver, else null. */
    private static byte[] deliverableSignal(byte[] info) {
        if (info == null) return null; // a group-stop
        int signo = Signals.siginfoSigno(info);
        // syscall and ptrace-event stops report SIGTRAP too; traps and faults are never lost (a
        // fault is raised again by its instruction)
        if (signo == Signals.SIGTRAP || signo == Signals.SIGSTOP) return null;
        if (Signals.isFaultSignal(signo) && Signals.siginfoCode(info) > 0) return null;
        return info;
    }

    private static void backToDelivery(int pid, byte[] info) {
        int signo = Signals.siginfoSigno(info);
        Ptrace.tkill(pid, signo);
        // no instruction runs: the pending signal is taken on the way back to user mode
        Ptrace.resume(Ptrace.PTRACE_SYSCALL, pid, 0);
        WaitStatus ws = Ptrace.waitFor(pid);
        if (!ws.stopped() || ws.event() != 0 || ws.stopSig() != signo) {
            throw new JrrException("pid " + pid + " did not come back to its " + Signals.name(signo) + " after an injected syscall: " + ws);
        }
        Ptrace.setSigInfo(pid, info);
    }

    private static JrrException dispatched(int pid, long nr) {
        return new JrrException("injected syscall " + nr + " in pid " + pid + " was sent to the program's SIGSYS handler (Syscall User Dispatch)");
    }

    private static Result runOnce(int pid, TraceeMemory mem, long nr, long... args) {
        Registers saved = Ptrace.getRegs(pid);
        long insn = saved.rip();
        byte[] code = mem.read(insn, 2);
        mem.write(insn, SYSCALL_INSN);
        int child = 0;
        try {
            Registers r = saved.with(Registers.RAX, nr).with(Registers.ORIG_RAX, nr);
            for (int i = 0; i < args.length; i++) r = r.withArg(i, args[i]);
            Ptrace.setRegs(pid, r);
            boolean entered = false;
            for (int guard = 0; guard < 16; guard++) {
                Ptrace.resume(Ptrace.PTRACE_SYSCALL, pid, 0);
                WaitStatus ws = Ptrace.waitFor(pid);
                if (ws.syscallStop()) {
                    Registers now = Ptrace.getRegs(pid);
                    if (entered) return new Result(now.rax(), child);
                    // A stop at the rewound rip is the exit of a call skipped under SYSEMU; ours
                    // enters with rip past the instruction.
                    entered = now.rip() == insn + 2 && now.origRax() == nr;
                } else if (ws.event() == Ptrace.EVENT_FORK || ws.event() == Ptrace.EVENT_VFORK || ws.event() == Ptrace.EVENT_CLONE) {
                    child = (int) Ptrace.getEventMsg(pid);
                } else if (ws.exited() || ws.signaled()) {
                    throw new JrrException("pid " + pid + " ended during an injected syscall: " + ws);
                } else if (!entered && ws.stopped() && ws.stopSig() == Signals.SIGSYS && Ptrace.getRegs(pid).rip() == insn + 2) {
                    throw dispatched(pid, nr);
                }
            }
            throw new JrrException("injected syscall " + nr + " in pid " + pid + " did not complete");
        } finally {
            mem.write(insn, code);
            Ptrace.setRegs(pid, saved);
        }
    }
}
