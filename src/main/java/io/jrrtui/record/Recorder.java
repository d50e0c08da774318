package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Signals;
import io.jrrtui.arch.Syscalls;
import io.jrrtui.arch.TrappedInstruction;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.Shim;
import io.jrrtui.sys.SyscallInjector;
import io.jrrtui.sys.TraceeLauncher;
import io.jrrtui.sys.TracerThread;
import io.jrrtui.sys.WaitStatus;
import io.jrrtui.trace.CpuidEvent;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.ExecEvent;
import io.jrrtui.trace.ExitEvent;
import io.jrrtui.trace.RdtscEvent;
import io.jrrtui.trace.SignalEvent;
import io.jrrtui.trace.SyscallEvent;
import io.jrrtui.trace.TraceInfo;
import io.jrrtui.trace.TraceWriter;
import io.jrrtui.util.JrrException;
import io.jrrtui.trace.TraceFormat;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Records one run of a program — all its threads and processes — into one global event stream.
 * Stops at every syscall entry and exit (PTRACE_SYSCALL, about 2.4 µs each here), saves results and
 * the memory the kernel wrote, emulates trapped rdtsc/cpuid, and keeps asynchronous signals on
 * event boundaries. One task runs user code at a time; a task that enters a syscall is let into the
 * kernel and another runs, so a blocking call never stalls the others.
 */
public final class Recorder {
    private static final long ARCH_SET_CPUID = 0x1012;
    private static final int SYS_ARCH_PRCTL = 158;
    private static final long ENOSYS = -38;
    private static final int SYS_EXIT = 60, SYS_EXIT_GROUP = 231;

    private final TraceWriter writer;
    private final String exePath;
    private final List<String> argv;
    private final List<String> env;
    private final String cwd;
    private final TraceeLauncher.Stdio stdio;
    private final Map<Integer, RecordedTask> tasks = new LinkedHashMap<>();
    private final Map<Integer, WaitStatus> earlyStops = new HashMap<>();
    private final Deque<RecordedTask> runnable = new ArrayDeque<>();
    private RecordedTask running;
    private int leader;
    private ExitEvent leaderExit;
    private long nextEvent = 1;
    private volatile int livePid;
    private Scheduler scheduler = new Scheduler(false, 0, DEFAULT_SLICE_MILLIS);
    /** Default timeslice: long enough that ordinary loops finish, short enough that spinners yield. */
    static final long DEFAULT_SLICE_MILLIS = 100;

    /** How a recording ended. */
    public record Result(int exitStatus, long events, String endReason) {}

    public Recorder(TraceWriter writer, String exePath, List<String> argv, List<String> env, String cwd,
            TraceeLauncher.Stdio stdio) {
        this.writer = writer;
        this.exePath = exePath;
        this.argv = argv;
        this.env = env;
        this.cwd = cwd;
        this.stdio = stdio;
    }

    private boolean tasksAllowed;

    /**
     * Lets the program create threads and processes and exec other programs (experimental: see
     * src/docs/architecture.md for what replays and what does not yet).
     */
    public Recorder allowTasks(boolean allowed) {
        this.tasksAllowed = allowed;
        return this;
    }

    /** Chaos mode: short random timeslices and random choice of the next task (seeded for reproducibility). */
    public Recorder chaos(long seed) {
        scheduler = new Scheduler(true, seed, DEFAULT_SLICE_MILLIS);
        return this;
    }

    /** Kills the recorded program from any thread (Ctrl-C of jrrtui itself, shutdown). */
    public void killTracee() {
        int p = livePid;
        if (p > 0) Ptrace.kill(p, Signals.SIGKILL);
    }

    /**
     * Passes a signal jrrtui itself got (SIGTERM, SIGHUP) on to the recorded program, as the
     * terminal does with Ctrl-C: the program handles it or dies of it, and the recording ends normally.
     */
    public void signalTracee(int sig) {
        int p = livePid;
        if (p > 0) Ptrace.kill(p, sig);
    }

    /** Runs the program to its end on the tracer thread. */
    public Result run(TraceInfo info) {
        return TracerThread.call(() -> {
            try {
                leader = TraceeLauncher.launch(exePath, argv, env, cwd, stdio);
                livePid = leader;
                writer.updateInfo(info.withPid(leader));
                RecordedTask first = new RecordedTask(leader, new RecordedProcess(leader, new OutputFds()));
                first.proc.liveTasks = 1;
                tasks.put(leader, first);
                onExec(first, exePath, TraceFormat.EXE_COPY);
                first.stopped = true;
                runnable.add(first);
                return loop();
            } catch (RuntimeException e) {
                killAll();
                writer.abandon(e.getMessage() == null ? e.toString() : e.getMessage());
                throw e;
            } finally {
                livePid = 0;
                scheduler.close();
                for (RecordedTask t : tasks.values()) t.proc.mem.close();
            }
        });
    }

    private void killAll() {
        for (int tid : new ArrayList<>(tasks.keySet())) Ptrace.kill(tid, Signals.SIGKILL);
        for (int tid : new ArrayList<>(tasks.keySet())) Ptrace.killAndReap(tid);
        if (leader > 0) Ptrace.killAndReap(leader);
    }

    private void write(Event e) {
        writer.write(e);
        nextEvent = e.number() + 1;
    }

    /** An exec stop: hide the vDSO, turn on cpuid faulting, save the initial stack and the binary. */
    private void onExec(RecordedTask t, String path, String copyName) {
        Registers regs = Ptrace.getRegs(t.tid);
        byte[] stack = InitialStack.prepare(t.tid, t.proc.mem, regs.rsp());
        // Without cpuid faulting (ENODEV on many VMs) the call fails and cpuid runs natively, which
        // is exact for replay on the same machine.
        SyscallInjector.inject(t.tid, t.proc.mem, SYS_ARCH_PRCTL, ARCH_SET_CPUID, 0);
        write(new ExecEvent(nextEvent, t.tid, path, regs, regs.rsp(), stack));
        t.proc.timestamps.scan(t.tid, t.proc.mem);
        if (copyName != null) ExecutableCopies.keep(writer.dir(), path, copyName);
    }

    private Result loop() {
        while (!tasks.isEmpty()) {
            if (running == null) {
                running = scheduler.pick(runnable);
                // the timeslice starts when a task is switched in, not at every resume after a stop
                if (running != null) scheduler.running(running);
            }
            if (running != null && running.stopped) resume(running);
            scheduler.othersWaiting(!runnable.isEmpty());
            scheduler.signalsHeld(running != null && !running.heldSignals.isEmpty());
            WaitStatus ws = Ptrace.waitAny();
            RecordedTask t = tasks.get(ws.pid());
            if (t == null) {
                earlyStops.put(ws.pid(), ws); // a new task whose creator's event stop has not arrived yet
                continue;
            }
            t.stopped = ws.stopped();
            if (VERBOSE) System.err.println("record: task " + t.tid + " " + ws + " inSyscall=" + t.inSyscall + " atBoundary=" + t.atBoundary + " running=" + (running == null ? 0 : running.tid));
            if (ws.exited() || ws.signaled()) {
                onTaskEnd(t, ws);
            } else if (ws.syscallStop()) {
                if (!t.inSyscall) onSyscallEntry(t);
                else onSyscallExit(t);
            } else if (ws.event() != 0) {
                onPtraceEvent(t, ws.event());
            } else {
                onSignalStop(t, ws.stopSig());
            }
        }
        if (leaderExit == null) throw new JrrException("the program ended without an exit status");
        writer.finish(leaderExit.shellStatus(), leaderExit.describe());
        return new Result(leaderExit.shellStatus(), nextEvent - 1, leaderExit.describe());
    }

    private static final boolean VERBOSE = System.getenv("JRR_VERBOSE_RECORD") != null;

    private void resume(RecordedTask t) {
        Ptrace.resume(Ptrace.PTRACE_SYSCALL, t.tid, t.deliver);
        t.deliver = 0;
        t.stopped = false;
    }

    /** The running task entered a syscall: check it, then let it into the kernel and run another task. */
    private void onSyscallEntry(RecordedTask t) {
        Registers regs = Ptrace.getRegs(t.tid);
        long nr = regs.origRax();
        SyscallSpec spec = SyscallTable.spec(nr);
        if (spec == null) {
            throw new JrrException(String.format("cannot record: the program made syscall %d (%s), which jrrtui does not know how to record",
                    nr, Syscalls.known(nr) ? Syscalls.name(nr) : "not a Linux syscall"));
        }
        String refusal = spec.disposition() == Disposition.MMAP ? t.proc.sharedFileMaps.refuse(t.tid, regs) : spec.refuse(regs);
        if (refusal != null) {
            throw new JrrException(String.format("cannot record: syscall %d (%s): %s", nr, spec.name(), refusal));
        }
        if (!tasksAllowed && (spec.disposition() == Disposition.SPAWN || spec.disposition() == Disposition.EXEC)) {
            throw new JrrException(String.format("cannot record: syscall %d (%s): %s", nr, spec.name(),
                    spec.disposition() == Disposition.SPAWN
                            ? "creating threads and processes is refused (--single-task)"
                            : "exec of another program is refused (--single-task)"));
        }
        if (spec.disposition() == Disposition.DENY) {
            Ptrace.setRegs(t.tid, regs.with(Registers.ORIG_RAX, -1)); // skipped; the kernel returns ENOSYS
        }
        t.entry = regs;
        t.inSyscall = true;
        t.atBoundary = false;
        if (tasks.size() > 1 && nr != SYS_EXIT && nr != SYS_EXIT_GROUP) {
            write(new io.jrrtui.trace.SyscallEntryEvent(nextEvent, t.tid, regs));
        }
        if (nr == SYS_EXIT || nr == SYS_EXIT_GROUP) {
            // The thread's end is an event now: what it does in the kernel (clearing its tid, waking a
            // joiner) must come before anything the woken threads do.
            t.exitEvent = new ExitEvent(nextEvent, t.tid, false, (int) regs.arg(0) & 0xff);
            write(t.exitEvent);
        }
        if (t == running) {
            running = null;
            scheduler.idle();
        }
        resume(t);
        if (nr == SYS_EXIT && t.tid != t.proc.tgid) {
            // A thread's exit clears its tid word and wakes joiners in the kernel: let it finish dying
            // before any other task runs, so what they read is the same on replay.
            onTaskEnd(t, Ptrace.waitForDeath(t.tid));
        }
    }

    /** Whether a completed call may have made new code executable (its rdtsc are patched then). */
    public static boolean mapsCode(Registers entry, long result) {
        if (result < 0 && result > -4096) return false;
        long nr = entry.origRax();
        if (nr == SYS_MMAP || nr == SYS_MPROTECT || nr == SYS_PKEY_MPROTECT) return (entry.arg(2) & PROT_EXEC) != 0;
        return nr == SYS_MREMAP;
    }

    private static final int SYS_MMAP = 9, SYS_MPROTECT = 10, SYS_MREMAP = 25, SYS_PKEY_MPROTECT = 329, PROT_EXEC = 4;

    private static boolean isRestart(long result) {
        return result <= -512 && result >= -516; // ERESTARTSYS .. ERESTART_RESTARTBLOCK
    }

    private void onSyscallExit(RecordedTask t) {
        Registers exit = Ptrace.getRegs(t.tid);
        long result = exit.rax();
        SyscallSpec spec = SyscallTable.spec(t.entry.origRax());
        if (spec.disposition() == Disposition.DENY) {
            result = ENOSYS;
            Ptrace.setRegs(t.tid, exit.with(Registers.RAX, ENOSYS));
        }
        if (isRestart(result) && scheduler.preemptionPending(t.tid) && !t.spawnWritten) {
            // Our SIGSTOP interrupted the call; the kernel restarts it once the stop is dropped.
            // Nothing happened that the program can see: no event.
            t.inSyscall = false;
            t.atBoundary = true;
            runnable.addLast(t);
            return;
        }
        if (!t.spawnWritten) write(SyscallCapture.capture(nextEvent, t, writer, t.entry, result));
        if (mapsCode(t.entry, result)) t.proc.timestamps.scan(t.tid, t.proc.mem);
        t.spawnWritten = false;
        t.inSyscall = false;
        t.atBoundary = true;
        t.boundaryRegs = exit.with(Registers.RAX, result);
        raiseHeldSignal(t);
        runnable.addLast(t);
    }

    /** clone/fork/vfork made a task (its event is written now, before any of the child's) or exec happened. */
    private void onPtraceEvent(RecordedTask t, int event) {
        switch (event) {
            case Ptrace.EVENT_CLONE, Ptrace.EVENT_FORK, Ptrace.EVENT_VFORK -> {
                int child = (int) Ptrace.getEventMsg(t.tid);
                write(SyscallCapture.capture(nextEvent, t, writer, t.entry, child));
                t.spawnWritten = true;
                boolean thread = event == Ptrace.EVENT_CLONE && (cloneFlags(t) & SyscallTable.CLONE_THREAD) != 0;
                RecordedProcess proc = thread ? t.proc : new RecordedProcess(child, t.proc.outputFds.copy());
                if (!thread) proc.timestamps = t.proc.timestamps.copy();
                RecordedTask c = new RecordedTask(child, proc);
                proc.liveTasks++;
                tasks.put(child, c);
                WaitStatus early = earlyStops.remove(child);
                if (early != null) newTaskStopped(c, early);
                resume(t); // still inside clone/fork/vfork
            }
            case Ptrace.EVENT_EXEC -> onExecEvent(t);
            default -> resume(t);
        }
    }

    /**
     * The task exec'd a new program. Its execve completes first (event: execve = 0), then the new
     * program's start is recorded like the first one (event: exec, with a copy of the binary).
     */
    private void onExecEvent(RecordedTask t) {
        long formerTid = Ptrace.getEventMsg(t.tid);
        if (formerTid != t.tid) {
            throw new JrrException("cannot record: exec from a thread other than the main one is not supported yet");
        }
        Ptrace.resume(Ptrace.PTRACE_SYSCALL, t.tid, 0);
        WaitStatus ws = Ptrace.waitFor(t.tid);
        if (!ws.syscallStop()) throw new JrrException("unexpected stop after exec in task " + t.tid + ": " + ws);
        t.proc.newAddressSpace();
        t.proc.outputFds.update(t.entry, 0, null);
        write(new SyscallEvent(nextEvent, t.tid, t.entry, Ptrace.getRegs(t.tid).rax(), List.of(), 0, new byte[0]));
        onExec(t, execPath(t), TraceFormat.EXE_COPY + "-" + nextEvent);
        t.inSyscall = false;
        t.atBoundary = true;
        t.stopped = true;
        runnable.addLast(t);
    }

    private long cloneFlags(RecordedTask t) {
        if (t.entry.origRax() == Syscalls.number("clone3")) return t.proc.mem.readLong(t.entry.arg(0));
        return t.entry.arg(0);
    }

    private String execPath(RecordedTask t) {
        try {
            return java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/" + t.tid + "/exe")).toString();
        } catch (java.io.IOException e) {
            return "(unknown program)";
        }
    }

    /** A new task's first stop (SIGSTOP): it waits in the run queue. */
    private void newTaskStopped(RecordedTask c, WaitStatus ws) {
        c.stopped = true;
        if (ws != null && (ws.exited() || ws.signaled())) {
            onTaskEnd(c, ws);
            return;
        }
        runnable.addLast(c);
    }

    private void onTaskEnd(RecordedTask t, WaitStatus ws) {
        tasks.remove(t.tid);
        runnable.remove(t);
        if (running == t) running = null;
        ExitEvent exit;
        if (t.exitEvent != null && !ws.signaled()) {
            // written at the exit syscall; the process's status is what the kernel reports now
            exit = new ExitEvent(t.exitEvent.number(), t.tid, false, ws.exitCode());
        } else {
            exit = new ExitEvent(nextEvent, t.tid, ws.signaled(), ws.signaled() ? ws.termSig() : ws.exitCode());
            write(exit);
        }
        if (t.tid == leader) leaderExit = exit;
        if (--t.proc.liveTasks <= 0) t.proc.mem.close();
    }

    /** A signal stop. Decides what to deliver: now (faults, boundary signals), or later (held). */
    private void onSignalStop(RecordedTask t, int sig) {
        byte[] info = Ptrace.getSigInfo(t.tid);
        if (info == null) { // group-stop
            return;
        }
        if (sig == Signals.SIGSTOP && !t.inSyscall && t.entry == null && t != running && !runnable.contains(t)) {
            newTaskStopped(t, null);
            return;
        }
        Registers regs = Ptrace.getRegs(t.tid);
        // At the boundary only if no user code ran since the syscall returned: same registers.
        t.atBoundary = t.atBoundary && t.boundaryRegs != null && regs.firstDifference(t.boundaryRegs, Registers.EFLAGS) < 0;
        int code = Signals.siginfoCode(info);
        if (sig == Signals.SIGSTOP && scheduler.takePreemption(t.tid)) {
            preempted(t, regs);
            return;
        }
        if ((sig == Signals.SIGSEGV || sig == Signals.SIGILL) && emulateTrappedInstruction(t, regs)) {
            t.atBoundary = false;
            return;
        }
        boolean fault = Signals.isFaultSignal(sig) && code > 0;
        if (fault || t.atBoundary) {
            if (!fault && !t.heldSignals.isEmpty() && heldSignalMatches(t, sig)) {
                info = t.heldSignals.removeFirst();
                Ptrace.setSigInfo(t.tid, info);
            }
            write(new SignalEvent(nextEvent, t.tid, sig, info, fault, regs));
            t.deliver = sig;
            return;
        }
        t.heldSignals.addLast(info); // arrived while user code ran: deliver at the next syscall exit
        t.atBoundary = false;
    }

    /** Our timeslice SIGSTOP: switch the task out (an event only when it was in user code). */
    private void preempted(RecordedTask t, Registers regs) {
        if (!t.atBoundary) {
            write(new io.jrrtui.trace.PreemptEvent(nextEvent, t.tid, regs, WritableMemory.snapshot(t.tid, t.proc.mem)));
            // a replayable position: signals held back while it ran (no syscall came) go now
            t.boundaryRegs = regs;
            t.atBoundary = true;
        }
        raiseHeldSignal(t);
        t.deliver = 0;
        if (running == t) {
            running = null;
            scheduler.idle();
        }
        if (!runnable.contains(t)) runnable.addLast(t);
    }

    private static boolean heldSignalMatches(RecordedTask t, int sig) {
        return Signals.siginfoSigno(t.heldSignals.peekFirst()) == sig;
    }

    /** Re-raises the oldest held-back signal so it is delivered as the syscall returns. */
    private void raiseHeldSignal(RecordedTask t) {
        if (t.heldSignals.isEmpty()) return;
        int sig = Signals.siginfoSigno(t.heldSignals.peekFirst());
        Ptrace.tgkill(t.proc.tgid, t.tid, sig);
    }

    private boolean emulateTrappedInstruction(RecordedTask t, Registers regs) {
        TrappedInstruction insn = t.proc.timestamps.at(regs.rip());
        if (insn == TrappedInstruction.NONE) {
            byte[] code = new byte[3];
            t.proc.mem.readPartial(regs.rip(), code);
            insn = TrappedInstruction.of(code);
        }
        Registers out;
        switch (insn) {
            case RDTSC, RDTSCP -> {
                int[] aux = new int[1];
                long tsc = insn == TrappedInstruction.RDTSC ? Shim.rdtsc() : Shim.rdtscp(aux);
                write(new RdtscEvent(nextEvent, t.tid, regs.rip(), tsc, aux[0], insn == TrappedInstruction.RDTSCP));
                out = applyRdtsc(regs, tsc, aux[0], insn);
            }
            case CPUID -> {
                int leaf = (int) regs.get(Registers.RAX);
                int sub = (int) regs.get(Registers.RCX);
                int[] r = CpuidPolicy.mask(leaf, sub, Shim.cpuid(leaf, sub));
                write(new CpuidEvent(nextEvent, t.tid, regs.rip(), leaf, sub, r[0], r[1], r[2], r[3]));
                out = applyCpuid(regs, r);
            }
            default -> {
                return false;
            }
        }
        Ptrace.setRegs(t.tid, out);
        return true;
    }

    /** Registers after an emulated rdtsc/rdtscp (shared with replay). */
    public static Registers applyRdtsc(Registers regs, long tsc, int aux, TrappedInstruction insn) {
        Registers out = regs.with(Registers.RAX, tsc & 0xffffffffL).with(Registers.RDX, tsc >>> 32);
        if (insn == TrappedInstruction.RDTSCP) out = out.with(Registers.RCX, aux & 0xffffffffL);
        return out.with(Registers.RIP, regs.rip() + insn.length());
    }

    /** Registers after an emulated cpuid (shared with replay). */
    public static Registers applyCpuid(Registers regs, int[] r) {
        return regs.with(Registers.RAX, r[0] & 0xffffffffL).with(Registers.RBX, r[1] & 0xffffffffL)
                .with(Registers.RCX, r[2] & 0xffffffffL).with(Registers.RDX, r[3] & 0xffffffffL)
                .with(Registers.RIP, regs.rip() + 2);
    }
}
