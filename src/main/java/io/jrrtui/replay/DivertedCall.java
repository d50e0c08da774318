package io.jrrtui.replay;

import io.jrrtui.arch.FunctionCall;
import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Signals;
import io.jrrtui.arch.Syscalls;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.sys.WaitStatus;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Runs one function call in a forked copy of the replaying process (rr's "diversion"): the copy
 * gets the call's registers per the SysV x86-64 ABI, a return address at an int3 written at the
 * program's entry point (code nothing calls again, as gdb's own dummy-frame return), and runs
 * natively, its syscalls for real, until that int3, a signal, or the time limit. Writes to fds 1
 * and 2 are shown through the replay's output, since the replaying process's own descriptors are
 * /dev/null. The copy is always killed; the replay never sees any of it.
 */
final class DivertedCall {
    /** How long a call may run before its copy is killed (tests shorten it with -Djrrtui.callTimeLimitMillis); Ctrl-C ends it sooner. */
    static long timeLimitMillis() {
        return Long.getLong("jrrtui.callTimeLimitMillis", 10_000);
    }
    /** Below the stack pointer: the red zone (128) and room for the callee's view of it. */
    private static final long RED_ZONE = 256;
    private static final int SYS_WRITE = 1, SYS_WRITEV = 20;
    /** Calls that would make more processes or programs out of the copy: refused where they start. */
    private static final java.util.Set<Integer> SPAWNING = java.util.Set.of(56, 57, 58, 59, 322, 435);
    private static final byte INT3 = (byte) 0xcc;
    private static final int MAX_SHOWN = 1 << 20;

    private final int pid;
    private final TraceeMemory mem;
    private final OutputSink output;
    private final long event;
    /** rdtsc/rdtscp the recorder rewrote to trap: the copy has them too, and they are answered here. */
    private final io.jrrtui.record.TimestampPatches timestamps;

    private DivertedCall(int pid, TraceeMemory mem, OutputSink output, long event, io.jrrtui.record.TimestampPatches timestamps) {
        this.pid = pid;
        this.mem = mem;
        this.output = output;
        this.event = event;
        this.timestamps = timestamps;
    }

    /**
     * Runs call in copy (a stopped, traced fork whose registers are the calling thread's) and kills
     * the copy. returnAddress must be executable code the call never runs (the entry point).
     */
    static FunctionCall.Returned run(int copy, FunctionCall call, long returnAddress, OutputSink output, long event,
            io.jrrtui.record.TimestampPatches timestamps, io.jrrtui.target.InterruptRequest interrupts) {
        java.util.concurrent.atomic.AtomicReference<String> ended = new java.util.concurrent.atomic.AtomicReference<>();
        long limit = timeLimitMillis();
        Thread watchdog = new Thread(() -> watch(copy, limit, interrupts, ended), "jrrtui-call-limit");
        watchdog.setDaemon(true);
        try (TraceeMemory mem = new TraceeMemory(copy)) {
            DivertedCall d = new DivertedCall(copy, mem, output, event, timestamps);
            long sp = d.setUp(call, returnAddress);
            watchdog.start();
            return d.runUntilReturn(call, returnAddress, sp, ended);
        } finally {
            watchdog.interrupt();
            Ptrace.killAndReap(copy);
        }
    }

    /**
     * Kills the copy when the time limit passes or the user interrupts (Ctrl-C), saying which in
     * ended; returns quietly when interrupted itself (the call ended first).
     */
    private static void watch(int copy, long limit, io.jrrtui.target.InterruptRequest interrupts,
            java.util.concurrent.atomic.AtomicReference<String> ended) {
        long deadline = System.nanoTime() + limit * 1_000_000;
        try {
            while (System.nanoTime() < deadline) {
                Thread.sleep(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
                if (interrupts != null && interrupts.take()) {
                    ended.set("was interrupted");
                    Ptrace.kill(copy, 9);
                    return;
                }
            }
            ended.set("did not return within " + seconds(limit));
            Ptrace.kill(copy, 9);
        } catch (InterruptedException e) {
            // the call ended in time
        }
    }

    /** Registers, stack and the trampoline of the call; returns the stack pointer at the callee's entry. */
    private long setUp(FunctionCall call, long returnAddress) {
        // the syscall buffer must not answer the copy's calls from the recording: make them for real
        if (io.jrrtui.syscallbuf.SyscallBufferLayout.control(mem) != null) {
            io.jrrtui.syscallbuf.SyscallBufferLayout.setMode(mem, io.jrrtui.syscallbuf.SyscallBufferLayout.MODE_OFF);
        }
        Registers r = Ptrace.getRegs(pid);
        long top = r.rsp() - RED_ZONE;
        long[] ints = new long[call.integerArgs().size()];
        for (int i = 0; i < ints.length; i++) {
            FunctionCall.IntegerArg a = call.integerArgs().get(i);
            if (a.pointee() == null) {
                ints[i] = a.bits();
            } else {
                top = (top - a.pointee().length) & ~15L;
                mem.write(top, a.pointee());
                ints[i] = top;
            }
        }
        long sp = (top & ~15L) - 8; // at entry rsp + 8 is 16-aligned, as after a call instruction
        mem.write(sp, le(returnAddress));
        mem.write(returnAddress, new byte[] {INT3});
        int[] order = {Registers.RDI, Registers.RSI, Registers.RDX, Registers.RCX, Registers.R8, Registers.R9};
        for (int i = 0; i < ints.length; i++) r = r.with(order[i], ints[i]);
        r = r.with(Registers.RIP, call.address()).with(Registers.RSP, sp).with(Registers.RAX, call.sseArgs().size())
                // not inside a syscall (no restart), direction flag clear as the ABI requires
                .with(Registers.ORIG_RAX, -1).with(Registers.EFLAGS, r.get(Registers.EFLAGS) & ~0x400L);
        Ptrace.setRegs(pid, r);
        if (!call.sseArgs().isEmpty()) {
            byte[] x = Ptrace.getXStateOrNull(pid);
            if (x == null) x = Ptrace.getFpRegs(pid);
            for (int i = 0; i < call.sseArgs().size(); i++) {
                byte[] lane = new byte[16];
                System.arraycopy(le(call.sseArgs().get(i)), 0, lane, 0, 8);
                System.arraycopy(lane, 0, x, 160 + 16 * i, 16);
            }
            Ptrace.setXState(pid, x);
        }
        return sp;
    }

    private FunctionCall.Returned runUntilReturn(FunctionCall call, long returnAddress, long sp,
            java.util.concurrent.atomic.AtomicReference<String> ended) {
        boolean inSyscall = false;
        while (true) {
            Ptrace.resume(Ptrace.PTRACE_SYSCALL, pid, 0);
            WaitStatus ws = Ptrace.waitFor(pid);
            if (ended.get() != null) {
                throw new JrrException("The call of " + call.name() + "() " + ended.get() + "; its copy was killed. The replay is where it was.");
            }
            if (ws.exited() || ws.signaled()) {
                throw new JrrException("The program ended during the call of " + call.name() + "() (" + (ws.exited()
                        ? "exit status " + ws.exitCode() : Signals.name(ws.termSig())) + "); only its copy did. The replay is where it was.");
            }
            if (ws.syscallStop()) {
                inSyscall = !inSyscall;
                if (inSyscall) atSyscallEntry(call);
                continue;
            }
            if (!ws.stopped()) continue;
            if (ws.event() != 0) continue; // a seccomp stop: the call goes on, for real
            Registers now = Ptrace.getRegs(pid);
            if (ws.stopSig() == Signals.SIGTRAP && now.rip() == returnAddress + 1 && now.rsp() == sp + 8) {
                byte[] x = Ptrace.getXStateOrNull(pid);
                if (x == null) x = Ptrace.getFpRegs(pid);
                return new FunctionCall.Returned(now.rax(), now.get(Registers.RDX), Arrays.copyOfRange(x, 160, 176), readBack(now.rax(), call.readBack()));
            }
            if (ws.stopSig() == Signals.SIGSTOP) continue; // the fork's own attach stop, if it comes late
            if (ws.stopSig() == Signals.SIGILL && readTimestamp(now)) continue;
            throw new JrrException("The called function " + call.name() + "() received " + Signals.name(ws.stopSig()) + " at 0x"
                    + Long.toHexString(now.rip()) + "; its copy was dropped. The replay is where it was.");
        }
    }

    /**
     * A trapped rdtsc/rdtscp of the recorder's rewriting: the call runs now, so it reads the time
     * now (nanoseconds since an arbitrary start, rising, as a TSC does), and goes on after it.
     */
    private boolean readTimestamp(Registers now) {
        io.jrrtui.arch.TrappedInstruction insn = timestamps.at(now.rip());
        if (insn != io.jrrtui.arch.TrappedInstruction.RDTSC && insn != io.jrrtui.arch.TrappedInstruction.RDTSCP) return false;
        long tsc = System.nanoTime();
        Registers r = now.with(Registers.RAX, tsc & 0xffffffffL).with(Registers.RDX, tsc >>> 32).with(Registers.RIP, now.rip() + insn.length());
        if (insn == io.jrrtui.arch.TrappedInstruction.RDTSCP) r = r.with(Registers.RCX, 0);
        Ptrace.setRegs(pid, r);
        return true;
    }

    /** Up to len bytes at addr in the copy, fewer where its mapping ends (none for an unmapped pointer). */
    private byte[] readBack(long addr, int len) {
        if (len <= 0 || addr == 0) return new byte[0];
        byte[] b = new byte[len];
        int got = mem.readPartial(addr, b);
        return Arrays.copyOf(b, Math.max(0, got));
    }

    /** Shows what the call writes to stdout/stderr; refuses calls that would spawn from the copy. */
    private void atSyscallEntry(FunctionCall call) {
        Registers r = Ptrace.getRegs(pid);
        int nr = (int) r.origRax();
        if (SPAWNING.contains(nr)) {
            throw new JrrException("The called function " + call.name() + "() made " + Syscalls.name(nr)
                    + ", which jrrtui does not run from a copy; the copy was dropped. The replay is where it was.");
        }
        long fd = r.arg(0);
        if (fd != 1 && fd != 2) return;
        try {
            if (nr == SYS_WRITE) show((int) fd, r.arg(1), r.arg(2));
            if (nr == SYS_WRITEV) {
                int n = (int) Math.min(Math.max(r.arg(2), 0), 1024);
                ByteBuffer iov = ByteBuffer.wrap(mem.read(r.arg(1), 16 * n)).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i++) show((int) fd, iov.getLong(), iov.getLong());
            }
        } catch (RuntimeException e) {
            // an unreadable buffer: the call itself will fail with EFAULT, nothing to show
        }
    }

    private void show(int fd, long addr, long len) {
        if (len <= 0) return;
        output.write(event, pid, fd, mem.read(addr, (int) Math.min(len, MAX_SHOWN)));
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " seconds" : millis / 1000.0 + " seconds";
    }

    private static byte[] le(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }
}
