package io.jrrtui.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import io.jrrtui.arch.Registers;
import io.jrrtui.util.JrrException;

/**
 * ptrace, waitpid and process control for tracees. Every method must run on the
 * {@link TracerThread}; the scratch buffers below are shared on that assumption.
 */
public final class Ptrace {
    public static final int PTRACE_CONT = 7;
    public static final int PTRACE_KILL = 8;
    public static final int PTRACE_SINGLESTEP = 9;
    public static final int PTRACE_GETREGS = 12;
    public static final int PTRACE_SETREGS = 13;
    public static final int PTRACE_GETFPREGS = 14;
    /** sizeof(struct user_fpregs_struct): the FXSAVE area (x87, MXCSR, xmm0-15). */
    public static final int FPREGS_SIZE = 512;
    public static final int PTRACE_PEEKUSER = 3;
    public static final int PTRACE_POKEUSER = 6;
    public static final int PTRACE_SYSCALL = 24;
    public static final int PTRACE_SYSEMU = 31;
    public static final int PTRACE_SYSEMU_SINGLESTEP = 32;
    public static final int PTRACE_SETOPTIONS = 0x4200;
    public static final int PTRACE_GETEVENTMSG = 0x4201;
    public static final int PTRACE_GETSIGINFO = 0x4202;
    public static final int PTRACE_SETSIGINFO = 0x4203;

    public static final int O_TRACESYSGOOD = 1;
    public static final int O_TRACEFORK = 2;
    public static final int O_TRACEVFORK = 4;
    public static final int O_TRACECLONE = 8;
    public static final int O_TRACEEXEC = 0x10;
    public static final int O_TRACEEXIT = 0x40;
    public static final int O_TRACESECCOMP = 0x80;
    public static final int O_EXITKILL = 0x100000;

    public static final int EVENT_FORK = 1;
    public static final int EVENT_VFORK = 2;
    public static final int EVENT_CLONE = 3;
    public static final int EVENT_EXEC = 4;
    public static final int EVENT_EXIT = 6;
    public static final int EVENT_SECCOMP = 7;
    public static final int EVENT_STOP = 128;

    public static final int WALL = 0x40000000;
    public static final int SIGINFO_SIZE = 128;

    /** Offset of u_debugreg[0] in struct user (x86-64). */
    private static final long DEBUGREG_OFFSET = 848;
    private static final long SYS_TGKILL = 234;

    private static final Memory REGS = new Memory(Registers.COUNT * 8L);
    private static final Memory SIGINFO = new Memory(SIGINFO_SIZE);
    private static final Memory EVENTMSG = new Memory(8);
    private static final Memory FPREGS = new Memory(FPREGS_SIZE);

    private Ptrace() {}

    /**
     * How many ptrace requests were made and how many stops waited for, since the start (only
     * the tracer thread counts; read them after a hand-over). Benchmarks divide them by the work
     * done: unlike times on a loaded machine, they do not vary from run to run.
     */
    private static long requests, stops;

    public static long requests() {
        return requests;
    }

    public static long stops() {
        return stops;
    }

    private static void checkThread() {
        assert TracerThread.isTracer() : "ptrace call off the tracer thread";
    }

    private static long call(int request, int pid, long addr, long data, String what) {
        checkThread();
        requests++;
        if (!readsOnly(request)) forgetRegisters();
        try {
            return LibC.ptrace(request, pid, addr, data);
        } catch (LastErrorException e) {
            throw new PtraceException(what + " of pid " + pid + ": " + LibC.strerror(e.getErrorCode()), e.getErrorCode());
        }
    }

    public static void setOptions(int pid, int options) {
        call(PTRACE_SETOPTIONS, pid, 0, options, "PTRACE_SETOPTIONS");
    }

    /** Resumes with one of PTRACE_CONT / SYSCALL / SYSEMU / SINGLESTEP, delivering sig (0 = none). */
    public static void resume(int request, int pid, int sig) {
        if (!STRAY_SIGSTOPS.isEmpty() && STRAY_SIGSTOPS.contains(pid)) LAST_RESUME.put(pid, request);
        call(request, pid, 0, sig, "resume");
    }

    /** Threads with a SIGSTOP of ours still pending (see {@link #ignoreNextSigstop}), and how each was last resumed. */
    private static final java.util.Set<Integer> STRAY_SIGSTOPS = new java.util.HashSet<>();
    private static final java.util.Map<Integer, Integer> LAST_RESUME = new java.util.HashMap<>();
    private static final int SIGSTOP = 19;

    /**
     * A SIGSTOP sent to pid to pause it arrived after it had stopped by itself: it is still
     * pending, and would show as a stop at its next resume. Waits pass over that stop (resuming
     * the thread as it was resumed last), so no caller ever sees it.
     */
    public static void ignoreNextSigstop(int pid) {
        STRAY_SIGSTOPS.add(pid);
    }

    public static Registers getRegs(int pid) {
        if (pid == cachedTid && cachedRegs != null) {
            checkThread();
            return cachedRegs;
        }
        call(PTRACE_GETREGS, pid, 0, Pointer.nativeValue(REGS), "PTRACE_GETREGS");
        long[] values = new long[Registers.COUNT];
        REGS.read(0, values, 0, values.length);
        Registers r = new Registers(values);
        cachedTid = pid;
        cachedRegs = r;
        return r;
    }

    /**
     * The registers last read, of thread cachedTid, until anything could change them: a stop is
     * looked at several times (what it is, the position's mark, the check before the next resume),
     * each a PTRACE_GETREGS before. Any request that is not a read, any wait that returned a
     * task and the native stepping helper forget them (a signal sent to a stopped task changes
     * nothing until it is resumed). Tracer thread only, like all here.
     */
    private static int cachedTid = -1;
    private static Registers cachedRegs;

    /** Forgets the cached registers (anything that may have changed a tracee's). */
    public static void forgetRegisters() {
        cachedTid = -1;
        cachedRegs = null;
    }

    private static boolean readsOnly(int request) {
        return request == PTRACE_GETREGS || request == PTRACE_GETFPREGS || request == PTRACE_PEEKUSER || request == PTRACE_GETSIGINFO
                || request == PTRACE_GETEVENTMSG || request == PTRACE_GETREGSET;
    }

    /** The floating-point and SSE registers (user_fpregs_struct, the FXSAVE layout: xmm0 at byte 160). */
    public static byte[] getFpRegs(int pid) {
        call(PTRACE_GETFPREGS, pid, 0, Pointer.nativeValue(FPREGS), "PTRACE_GETFPREGS");
        return FPREGS.getByteArray(0, FPREGS_SIZE);
    }

    /**
     * PTRACE_GETREGSET NT_X86_XSTATE: the XSAVE image (FXSAVE's 512 bytes, the XSAVE header, then
     * AVX and later state), as long as the kernel filled it; null where the kernel has no XSAVE.
     */
    public static byte[] getXStateOrNull(int pid) {
        try {
            return getXState(pid);
        } catch (PtraceException e) {
            return null;
        }
    }

    public static void setRegs(int pid, Registers regs) {
        REGS.write(0, regs.raw(), 0, Registers.COUNT);
        call(PTRACE_SETREGS, pid, 0, Pointer.nativeValue(REGS), "PTRACE_SETREGS");
    }

    /** The siginfo of the signal in a signal-delivery-stop, or null in a group-stop (EINVAL). */
    public static byte[] getSigInfo(int pid) {
        checkThread();
        requests++;
        try {
            LibC.ptrace(PTRACE_GETSIGINFO, pid, 0, Pointer.nativeValue(SIGINFO));
        } catch (LastErrorException e) {
            return null;
        }
        return SIGINFO.getByteArray(0, SIGINFO_SIZE);
    }

    public static void setSigInfo(int pid, byte[] info) {
        SIGINFO.write(0, info, 0, SIGINFO_SIZE);
        call(PTRACE_SETSIGINFO, pid, 0, Pointer.nativeValue(SIGINFO), "PTRACE_SETSIGINFO");
    }

    private static final int PTRACE_SET_SYSCALL_USER_DISPATCH_CONFIG = 0x4210, PTRACE_GET_SYSCALL_USER_DISPATCH_CONFIG = 0x4211;
    /** struct ptrace_sud_config: mode, selector address, allowed region's offset and length. */
    private static final Memory DISPATCH = new Memory(32);

    /**
     * A task's Syscall User Dispatch configuration (mode, selector, offset, len), or null where the
     * kernel cannot report it (before Linux 6.4).
     */
    public static long[] getDispatchConfig(int pid) {
        checkThread();
        requests++;
        try {
            LibC.ptrace(PTRACE_GET_SYSCALL_USER_DISPATCH_CONFIG, pid, DISPATCH.size(), Pointer.nativeValue(DISPATCH));
        } catch (LastErrorException e) {
            return null;
        }
        return DISPATCH.getLongArray(0, 4);
    }

    public static void setDispatchConfig(int pid, long[] config) {
        DISPATCH.write(0, config, 0, 4);
        call(PTRACE_SET_SYSCALL_USER_DISPATCH_CONFIG, pid, DISPATCH.size(), Pointer.nativeValue(DISPATCH),
                "PTRACE_SET_SYSCALL_USER_DISPATCH_CONFIG");
    }

    public static long getEventMsg(int pid) {
        call(PTRACE_GETEVENTMSG, pid, 0, Pointer.nativeValue(EVENTMSG), "PTRACE_GETEVENTMSG");
        return EVENTMSG.getLong(0);
    }

    private static final int PTRACE_GETREGSET = 0x4204, PTRACE_SETREGSET = 0x4205, NT_X86_XSTATE = 0x202;
    private static final int PTRACE_GETSIGMASK = 0x420a, PTRACE_SETSIGMASK = 0x420b;
    /** Large enough for any XSAVE layout the kernel reports (AVX-512 needs about 2.7 KB). */
    private static final Memory XSTATE = new Memory(16384);
    private static final Memory IOVEC = new Memory(16);
    private static final Memory SIGMASK = new Memory(8);

    /** The thread's whole floating-point and vector state (the kernel's XSAVE area). */
    public static byte[] getXState(int pid) {
        IOVEC.setLong(0, Pointer.nativeValue(XSTATE));
        IOVEC.setLong(8, XSTATE.size());
        call(PTRACE_GETREGSET, pid, NT_X86_XSTATE, Pointer.nativeValue(IOVEC), "PTRACE_GETREGSET");
        return XSTATE.getByteArray(0, (int) IOVEC.getLong(8));
    }

    public static void setXState(int pid, byte[] xstate) {
        XSTATE.write(0, xstate, 0, xstate.length);
        IOVEC.setLong(0, Pointer.nativeValue(XSTATE));
        IOVEC.setLong(8, xstate.length);
        call(PTRACE_SETREGSET, pid, NT_X86_XSTATE, Pointer.nativeValue(IOVEC), "PTRACE_SETREGSET");
    }

    /** The thread's blocked-signal mask (bit signo-1). */
    public static long getSigMask(int pid) {
        call(PTRACE_GETSIGMASK, pid, 8, Pointer.nativeValue(SIGMASK), "PTRACE_GETSIGMASK");
        return SIGMASK.getLong(0);
    }

    public static void setSigMask(int pid, long mask) {
        SIGMASK.setLong(0, mask);
        call(PTRACE_SETSIGMASK, pid, 8, Pointer.nativeValue(SIGMASK), "PTRACE_SETSIGMASK");
    }

    /** Reads debug register i (0..7). */
    public static long getDebugReg(int pid, int i) {
        return call(PTRACE_PEEKUSER, pid, DEBUGREG_OFFSET + 8L * i, 0, "PTRACE_PEEKUSER");
    }

    public static void setDebugReg(int pid, int i, long value) {
        call(PTRACE_POKEUSER, pid, DEBUGREG_OFFSET + 8L * i, value, "PTRACE_POKEUSER");
    }

    /** Any stop or death of this thread's tracees (waitpid(-1, __WALL | __WNOTHREAD)): never another thread's children. */
    public static WaitStatus waitAny() {
        return waitFor(-1, WALL | WNOTHREAD);
    }

    private static final int WNOTHREAD = 0x20000000, WNOHANG = 1;

    /** A stop (or end) of any tracee that has already happened, or null if none is waiting. */
    public static WaitStatus pollAny() {
        WaitStatus ws = waitFor(-1, WALL | WNOTHREAD | WNOHANG);
        return ws.pid() == 0 ? null : ws;
    }

    /** waitpid with __WALL; retries on EINTR. */
    public static WaitStatus waitFor(int pid) {
        return waitFor(pid, WALL);
    }

    /** A stop (or end) of pid that has already happened, or null if it is still running. */
    public static WaitStatus pollFor(int pid) {
        WaitStatus ws = waitFor(pid, WALL | WNOHANG);
        return ws.pid() == 0 ? null : ws;
    }

    private static WaitStatus waitFor(int pid, int options) {
        checkThread();
        int[] status = new int[1];
        while (true) {
            try {
                int got = LibC.waitpid(pid, status, options);
                if (got > 0) {
                    stops++;
                    forgetRegisters();
                }
                WaitStatus ws = new WaitStatus(got, status[0]);
                if (!STRAY_SIGSTOPS.isEmpty() && STRAY_SIGSTOPS.contains(got)) {
                    if (ws.stopped() && ws.event() == 0 && ws.stopSig() == SIGSTOP) {
                        STRAY_SIGSTOPS.remove(got);
                        resume(LAST_RESUME.getOrDefault(got, PTRACE_CONT), got, 0);
                        LAST_RESUME.remove(got);
                        continue;
                    }
                    if (ws.exited() || ws.signaled()) STRAY_SIGSTOPS.remove(got);
                }
                return ws;
            } catch (LastErrorException e) {
                if (e.getErrorCode() == 4) continue; // EINTR
                throw new PtraceException("waitpid(" + pid + "): " + LibC.strerror(e.getErrorCode()), e.getErrorCode());
            }
        }
    }

    /** Lets a dying task finish (resuming it past any last stops) and returns how it ended. */
    public static WaitStatus waitForDeath(int pid) {
        while (true) {
            WaitStatus ws = waitFor(pid);
            if (ws.exited() || ws.signaled()) return ws;
            if (ws.stopped()) {
                try {
                    resume(PTRACE_CONT, pid, 0);
                } catch (PtraceException e) {
                    if (!e.noSuchProcess()) throw e; // killed in its stop: the death comes next
                }
            }
        }
    }

    /**
     * Starts {@code path} with argv and envp through posix_spawn, so that the child is ours
     * (the JDK's reaper never sees it) and its ptrace parent is the tracer thread.
     */
    public static int spawn(String path, String[] argv, String[] envp) {
        checkThread();
        int[] pid = new int[1];
        StringArray av = new StringArray(argv);
        StringArray ev = new StringArray(envp);
        int err = LibC.posix_spawn(pid, path, null, null, av, ev);
        if (err != 0) {
            throw new JrrException("cannot start " + path + ": " + LibC.strerror(err));
        }
        return pid[0];
    }

    /** kill(2); a missing process is not an error. */
    public static void kill(int pid, int sig) {
        try {
            LibC.kill(pid, sig);
        } catch (LastErrorException e) {
            // ESRCH: already gone
        }
    }

    public static void tgkill(int tgid, int tid, int sig) {
        try {
            LibC.syscall(SYS_TGKILL, tgid, tid, sig);
        } catch (LastErrorException e) {
            throw new PtraceException("tgkill(" + tid + ", " + sig + "): " + LibC.strerror(e.getErrorCode()), e.getErrorCode());
        }
    }

    /** tkill(2): a signal to one thread, by its id alone. */
    public static void tkill(int tid, int sig) {
        try {
            LibC.syscall(SYS_TKILL, tid, sig, 0);
        } catch (LastErrorException e) {
            throw new PtraceException("tkill(" + tid + ", " + sig + "): " + LibC.strerror(e.getErrorCode()), e.getErrorCode());
        }
    }

    private static final int SYS_TKILL = 200;

    public static String strerror(int errno) {
        return LibC.strerror(errno);
    }

    /** Kills a tracee and reaps it, whatever state it is in. */
    public static void killAndReap(int pid) {
        if (pid <= 0) return;
        STRAY_SIGSTOPS.remove(pid);
        LAST_RESUME.remove(pid);
        kill(pid, 9);
        int[] status = new int[1];
        for (int i = 0; i < 1000; i++) {
            try {
                int got = LibC.waitpid(pid, status, WALL);
                WaitStatus ws = new WaitStatus(got, status[0]);
                if (ws.exited() || ws.signaled()) return;
            } catch (LastErrorException e) {
                return; // ECHILD: reaped
            }
        }
    }
}
