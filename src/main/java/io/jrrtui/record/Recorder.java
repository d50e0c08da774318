package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Signals;
import io.jrrtui.arch.Syscalls;
import io.jrrtui.arch.TrappedInstruction;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.PtraceException;
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
import java.util.Set;
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
    /** Volatile: {@link #eventsRecorded} reads it from another thread (a progress display). */
    private volatile long nextEvent = 1;
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

    private boolean syscallBuffer;

    /**
     * In-process syscall buffering (issue 13): the preload library and the seccomp filter; hot calls
     * on regular files and clocks run without a stop and are flushed as one event per stretch.
     */
    public Recorder syscallBuffer(boolean on) {
        // without the library file (an install that lacks it) the program is recorded the ptrace
        // way, silently: the dynamic loader would otherwise print an error into its stderr
        this.syscallBuffer = on && java.nio.file.Files.isReadable(io.jrrtui.syscallbuf.SyscallBufferLayout.library(Shim.nativeDir()));
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

    /** How many events are written so far; any thread may ask (progress), the answer may lag. */
    public long eventsRecorded() {
        return nextEvent - 1;
    }

    /** Runs the program to its end on the tracer thread. */
    public Result run(TraceInfo info) {
        return TracerThread.call(() -> {
            try {
                // With buffering the library reads clocks through the vDSO, whose rdtscp would fault
                // under PR_SET_TSC: such a recording relies on TimestampPatches alone (replay traps).
                leader = TraceeLauncher.launch(exePath, argv, syscallBuffer ? withPreload(env) : env, cwd, stdio, !syscallBuffer);
                livePid = leader;
                writer.updateInfo(info.withPid(leader));
                RecordedTask first = new RecordedTask(leader, new RecordedProcess(leader, new OutputFds()));
                if (syscallBuffer) first.proc.syscallBuffer = new ProcessSyscallBuffer(new FileCopies(io.jrrtui.trace.ContentHashes.standard()));
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

    /** The environment plus JRR_PRELOAD: the launcher puts the library first in LD_PRELOAD before exec. */
    private static List<String> withPreload(List<String> env) {
        List<String> out = new ArrayList<>(env);
        out.add("JRR_PRELOAD=" + io.jrrtui.syscallbuf.SyscallBufferLayout.library(Shim.nativeDir()).toAbsolutePath());
        return out;
    }

    /** Writes the calls t buffered since its last event as one event (before the event about to be written). */
    private void flushBuffer(RecordedTask t, Registers regs) {
        if (t.proc.syscallBuffer == null) return;
        io.jrrtui.trace.BufferedCallsEvent e = t.proc.syscallBuffer.flush(nextEvent, t.tid, t.proc.mem, regs);
        if (e != null) write(e);
    }

    private void killAll() {
        for (int tid : new ArrayList<>(tasks.keySet())) Ptrace.kill(tid, Signals.SIGKILL);
        // a process's leader is reported only after its other threads are reaped: those first
        for (RecordedTask t : new ArrayList<>(tasks.values())) if (t.tid != t.proc.tgid) Ptrace.killAndReap(t.tid);
        for (RecordedTask t : new ArrayList<>(tasks.values())) if (t.tid == t.proc.tgid) Ptrace.killAndReap(t.tid);
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
        if (t.proc.syscallBuffer != null) {
            t.proc.syscallBuffer.onExec(t.tid, t.proc.mem);
            if (sharedFileWrites) t.proc.syscallBuffer.stopBuffering(t.proc.mem);
        }
        write(new ExecEvent(nextEvent, t.tid, path, regs, regs.rsp(), stack));
        t.proc.timestamps.scan(t.tid, t.proc.mem);
        if (copyName != null) ExecutableCopies.keep(writer.dir(), path, copyName);
    }

    private Result loop() {
        while (!tasks.isEmpty()) {
            if (running == null && scheduler.chaos() && (awaitQuickSyscalls() || drainStops())) continue;
            if (running == null) {
                running = scheduler.pick(runnable);
                // the timeslice starts when a task is switched in, not at every resume after a stop
                if (running != null) scheduler.running(running);
            }
            if (running != null && running.stopped) {
                RecordedTask r = running;
                int steps = r.deliver == 0 && !r.inSyscall ? scheduler.chaosSteps(tasks.size() > 1) : 0;
                WaitStatus early = null;
                if (steps > 0) {
                    long stepStart = System.nanoTime();
                    early = stepThenPreempt(r, steps);
                    scheduler.stepped(System.nanoTime() - stepStart);
                }
                if (early != null) {
                    dispatch(r, early);
                    continue;
                }
                if (running != r) continue; // preempted after its steps: pick again
                resume(r);
            }
            scheduler.othersWaiting(!runnable.isEmpty());
            scheduler.signalsHeld(running != null && !running.heldSignals.isEmpty());
            WaitStatus ws = Ptrace.waitAny();
            scheduler.stopped(ws.pid());
            RecordedTask t = tasks.get(ws.pid());
            if (t == null) {
                earlyStops.put(ws.pid(), ws); // a new task whose creator's event stop has not arrived yet
                continue;
            }
            dispatch(t, ws);
        }
        if (leaderExit == null) throw new JrrException("the program ended without an exit status");
        writer.finish(leaderExit.shellStatus(), leaderExit.describe());
        return new Result(leaderExit.shellStatus(), nextEvent - 1, leaderExit.describe());
    }

    /**
     * Chaos mode, before a pick: handles the stops that have already happened (a syscall that has
     * returned, a new thread's first stop), so the tasks they make runnable are candidates too.
     * Otherwise a task that made a short syscall waits until the task picked instead gives up the
     * CPU, and threads a program starts one after the other never overlap. Returns whether any was.
     */
    private boolean drainStops() {
        boolean any = false;
        for (WaitStatus ws; !tasks.isEmpty() && (ws = Ptrace.pollAny()) != null; ) {
            any = true;
            RecordedTask t = tasks.get(ws.pid());
            if (t == null) earlyStops.put(ws.pid(), ws);
            else dispatch(t, ws);
        }
        return any;
    }

    /**
     * Syscalls that never block and return within microseconds. In chaos mode a task in one of
     * them is waited for before the next pick: a thread that its creator's mmap/mprotect/clone
     * has not yet finished making would otherwise run its whole first slice alone, and threads a
     * program starts one after the other would never overlap — on a loaded host almost always.
     */
    private static final Set<Integer> QUICK_SYSCALLS = numbers("mmap", "mprotect", "munmap", "madvise", "brk",
            "set_robust_list", "rseq", "rt_sigprocmask", "sigaltstack", "arch_prctl", "prctl", "getpid", "gettid",
            "getppid", "getuid", "geteuid", "getgid", "getegid", "set_tid_address", "sched_getaffinity");

    /** A loop, not a stream: this runs in every recording's start, where a first stream costs ms. */
    private static Set<Integer> numbers(String... names) {
        Integer[] nrs = new Integer[names.length];
        for (int i = 0; i < names.length; i++) nrs[i] = Syscalls.number(names[i]);
        return Set.of(nrs);
    }

    /** Chaos mode, before a pick: handles the exit of every quick syscall in progress. */
    private boolean awaitQuickSyscalls() {
        for (RecordedTask t : List.copyOf(tasks.values())) {
            if (t.inSyscall && !t.stopped && t.entry != null && QUICK_SYSCALLS.contains((int) t.entry.origRax())) {
                dispatch(t, Ptrace.waitFor(t.tid));
                return true;
            }
        }
        return false;
    }

    /** One stop of task t, whatever it is. */
    private void dispatch(RecordedTask t, WaitStatus ws) {
        {
            t.stopped = ws.stopped();
            if (VERBOSE) System.err.println("record: task " + t.tid + " " + ws + " inSyscall=" + t.inSyscall + " atBoundary=" + t.atBoundary + " running=" + (running == null ? 0 : running.tid)
                    + (ws.syscallStop() ? " nr=" + Ptrace.getRegs(t.tid).origRax() : ""));
            if (ws.exited() || ws.signaled()) {
                onTaskEnd(t, ws);
            } else if (ws.syscallStop()) {
                if (!t.inSyscall) onSyscallEntry(t);
                else onSyscallExit(t);
            } else if (ws.event() == Ptrace.EVENT_SECCOMP) {
                // a traced syscall under the buffering filter; after the entry stop of PTRACE_SYSCALL
                // (a process that has its own filter) the same call's second stop
                if (t.inSyscall) {
                    resume(t);
                } else {
                    Registers regs = Ptrace.getRegs(t.tid);
                    if (t.proc.syscallBuffer != null && t.proc.syscallBuffer.insideVdsoCall(t.proc.mem, regs)) resume(t);
                    else onSyscallEntry(t, regs);
                }
            } else if (ws.event() != 0) {
                onPtraceEvent(t, ws.event());
            } else {
                onSignalStop(t, ws.stopSig());
            }
        }
    }

    /**
     * Chaos mode: runs t n instructions by single-stepping, then preempts it there. A timer cannot
     * be relied on to land inside a race window a few instructions wide in a loop of tens of
     * microseconds (its latency alone is longer on a busy host); counting instructions can, at
     * ~15-35 µs a step, for the first thousands of instructions after a switch. Stops before a syscall
     * instruction (the call must be seen as a stop). Returns a stop that ended the steps early (a
     * signal, a fault, the end), for the usual handling, or null.
     */
    private WaitStatus stepThenPreempt(RecordedTask t, int n) {
        Registers regs = Ptrace.getRegs(t.tid);
        // a call interrupted by our SIGSTOP is restarted by the kernel as the task resumes: a step
        // would run it unseen (and a futex wait would block the step for good)
        if (regs.origRax() >= 0 && isRestart(regs.rax())) return null;
        // natively, in one call: syscall and int3 instructions are not stepped (a syscall must be
        // seen as a stop, and is a switch point anyway: no preemption just before one, replay would
        // find the task in the call; an int3 of the program's own must trap as usual)
        Shim.StepRun run = Shim.stepInstructions(t.tid, n);
        if (run.otherStop() != null) {
            t.atBoundary = false;
            return run.otherStop();
        }
        Registers now = Ptrace.getRegs(t.tid);
        // steps taken are code run even when the registers came back the same (a loop with its counter in memory)
        boolean ran = run.stepped() > 0 || now.firstDifference(regs, Registers.EFLAGS) >= 0;
        if (ran) t.atBoundary = false; // a new position
        if (!ran || run.beforeTrapInstruction()) return null; // nothing to preempt at, or a syscall next
        preempted(t, now);
        return null;
    }

    private static final boolean VERBOSE = System.getenv("JRR_VERBOSE_RECORD") != null;

    private void resume(RecordedTask t) {
        // Under the buffering filter user code runs to the next traced syscall (a seccomp stop).
        boolean filtered = !t.inSyscall && t.proc.syscallBuffer != null && t.proc.syscallBuffer.filtered();
        try {
            Ptrace.resume(filtered ? Ptrace.PTRACE_CONT : Ptrace.PTRACE_SYSCALL, t.tid, t.deliver);
        } catch (PtraceException e) {
            // another thread's exit_group (or a kill) ended it in its stop: its death is the next
            // thing waitpid reports for it
            if (!e.noSuchProcess()) throw e;
        }
        t.deliver = 0;
        t.stopped = false;
        scheduler.resumed(t.tid);
    }

    /** The running task entered a syscall: check it, then let it into the kernel and run another task. */
    private void onSyscallEntry(RecordedTask t) {
        onSyscallEntry(t, Ptrace.getRegs(t.tid));
    }

    private void onSyscallEntry(RecordedTask t, Registers regs) {
        flushBuffer(t, regs);
        long nr = regs.origRax();
        if (t.restartPending && t.entry != null && (nr == SYS_RESTART_SYSCALL || nr == t.entry.origRax() && regs.rip() == t.entry.rip())) {
            // the kernel restarts a call our SIGSTOP interrupted (restart_syscall for sleeps): the
            // program made one call, so it stays one event, recorded as the call it made
            t.restartPending = false;
            if (nr != SYS_RESTART_SYSCALL) t.entry = regs;
            t.inSyscall = true;
            t.atBoundary = false;
            if (t == running) {
                running = null;
                scheduler.idle();
            }
            resume(t);
            return;
        }
        t.restartPending = false;
        SyscallSpec spec = SyscallTable.spec(nr);
        if (spec == null) {
            throw new JrrException(String.format("cannot record: the program made syscall %d (%s), which jrrtui does not know how to record",
                    nr, Syscalls.known(nr) ? Syscalls.name(nr) : "not a Linux syscall"));
        }
        String refusal = nr == SYS_MPROTECT || nr == SYS_PKEY_MPROTECT ? t.proc.sharedFileMaps.refuseProtect(regs) : spec.refuse(regs);
        if (refusal == null) refusal = fileChangeRefusal(t, spec.name(), regs);
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
        if (spec.disposition() == Disposition.SPAWN) {
            long flags = UntracedClones.flags(regs, t.proc.mem);
            t.untracedFlags = UntracedClones.strip(t.tid, t.proc.mem, regs) ? flags : 0;
        }
        t.entry = regs;
        if (t.proc.syscallBuffer != null) t.proc.syscallBuffer.onEntry(t.tid, t.proc.mem, regs);
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

    private static final long SYS_RESTART_SYSCALL = 219;

    private static boolean isRestart(long result) {
        return result <= -512 && result >= -516; // ERESTARTSYS .. ERESTART_RESTARTBLOCK
    }

    private void onSyscallExit(RecordedTask t) {
        Registers exit = Ptrace.getRegs(t.tid);
        SyscallSpec spec = SyscallTable.spec(t.entry.origRax());
        if (spec.disposition() == Disposition.EXEC && t.proc.syscallBuffer != null) exit = t.proc.syscallBuffer.onExecExit(t.tid, t.entry, exit);
        if (t.proc.syscallBuffer != null) t.proc.syscallBuffer.onExit(t.proc.mem, t.entry);
        long result = exit.rax();
        if (spec.disposition() == Disposition.DENY) {
            result = ENOSYS;
            Ptrace.setRegs(t.tid, exit.with(Registers.RAX, ENOSYS));
        }
        if (isRestart(result) && scheduler.preemptionPending(t.tid) && !t.spawnWritten) {
            // Our SIGSTOP interrupted the call; the kernel restarts it once the stop is dropped.
            // Nothing happened that the program can see: no event. The SIGSTOP's own stop comes
            // next with these registers: it is at the boundary, not a preemption in user code.
            t.inSyscall = false;
            t.atBoundary = true;
            t.boundaryRegs = exit;
            t.boundaryMemory = null;
            t.restartPending = true;
            runnable.addLast(t);
            return;
        }
        if (t.entry.origRax() == SYS_PRCTL) hideTscMode(t, t.entry, result);
        if (!t.spawnWritten) write(SyscallCapture.capture(nextEvent, t, writer, t.entry, result));
        Boolean sharedWritable = sharedFileWrites ? null : sharedFileMapWritable(t.entry, result);
        if (sharedWritable != null) watchFile(SharedFileMaps.keyOf(t.tid, (int) t.entry.arg(4)), sharedWritable);
        if (mapsCode(t.entry, result)) t.proc.timestamps.scan(t.tid, t.proc.mem);
        t.spawnWritten = false;
        t.inSyscall = false;
        t.atBoundary = true;
        t.boundaryRegs = exit.with(Registers.RAX, result);
        t.boundaryMemory = null;
        raiseHeldSignal(t);
        runnable.addLast(t);
    }

    private static final int SYS_CLONE = 56, SYS_PRCTL = 157, PR_GET_TSC = 25, PR_SET_TSC = 26;

    /** PR_GET_TSC answers the mode the program set (or the default), not the recorder's. */
    private static void hideTscMode(RecordedTask t, Registers entry, long result) {
        if (result != 0) return;
        if (entry.arg(0) == PR_SET_TSC) t.proc.programTscMode = (int) entry.arg(1);
        if (entry.arg(0) == PR_GET_TSC && entry.arg(1) != 0) {
            t.proc.mem.write(entry.arg(1), java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                    .putInt(t.proc.programTscMode).array());
        }
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
                if (!thread) {
                    proc.timestamps = t.proc.timestamps.copy();
                    proc.programTscMode = t.proc.programTscMode;
                    proc.sharedFileMaps = t.proc.sharedFileMaps.copy();
                }
                if (!thread && t.proc.syscallBuffer != null) {
                    proc.syscallBuffer = t.proc.syscallBuffer.copyForChild();
                    if (sharesDescriptorsApart(t)) { // the library's descriptor cache goes off in both
                        t.proc.syscallBuffer.noDescriptorCache(t.proc.mem);
                        proc.syscallBuffer.noDescriptorCache(proc.mem);
                    }
                }
                RecordedTask c = new RecordedTask(child, proc);
                if (t.untracedFlags != 0) {
                    UntracedClones.restore(t.tid, t.proc.mem, t.entry, t.untracedFlags);
                    if (t.entry.origRax() == SYS_CLONE) c.untracedFlags = t.untracedFlags; // clone3's child has no flags in registers
                    t.untracedFlags = 0;
                }
                proc.liveTasks++;
                tasks.put(child, c);
                WaitStatus early = earlyStops.remove(child);
                // Wait for the child's first stop now, while its creator is held: otherwise it
                // reports in only when the CPU it shares with the running task comes free, so a new
                // thread would never be ready to preempt the one running (chaos mode could not
                // interleave them) and when it becomes runnable would depend on the host's timing.
                if (early == null) early = Ptrace.waitFor(child);
                newTaskStopped(c, early);
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

    /** clone/clone3 with CLONE_FILES and without CLONE_VM: one descriptor table, two memories. */
    private boolean sharesDescriptorsApart(RecordedTask t) {
        long nr = t.entry.origRax();
        if (nr != SYS_CLONE && nr != Syscalls.number("clone3")) return false; // fork, vfork: a copy of the table
        long flags = cloneFlags(t);
        return (flags & CLONE_FILES) != 0 && (flags & SyscallTable.CLONE_VM) == 0;
    }

    private static final long CLONE_FILES = 0x400;

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
        if (c.untracedFlags != 0) {
            UntracedClones.restoreInChild(c.tid, c.untracedFlags);
            c.untracedFlags = 0;
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
        t.atBoundary = t.atBoundary && t.boundaryRegs != null && regs.firstDifference(t.boundaryRegs, Registers.EFLAGS) < 0
                && (t.boundaryMemory == null || t.boundaryMemory == WritableMemory.digest(WritableMemory.snapshot(t.tid, t.proc.mem)));
        int code = Signals.siginfoCode(info);
        if (sig == Signals.SIGSTOP && scheduler.takePreemption(t.tid)) {
            preempted(t, regs);
            return;
        }
        if ((sig == Signals.SIGSEGV || sig == Signals.SIGILL) && emulateTrappedInstruction(t, regs)) {
            t.atBoundary = false;
            return;
        }
        boolean fault = Signals.isSynchronous(sig, code);
        if (fault || t.atBoundary) {
            if (!fault && !t.heldSignals.isEmpty() && heldSignalMatches(t, sig)) {
                info = t.heldSignals.removeFirst();
                Ptrace.setSigInfo(t.tid, info);
            }
            flushBuffer(t, regs);
            write(new SignalEvent(nextEvent, t.tid, sig, info, fault, regs));
            t.deliver = sig;
            return;
        }
        t.heldSignals.addLast(info); // arrived while user code ran: deliver at the next syscall exit
        t.atBoundary = false;
    }

    /**
     * Files some process maps shared (device, inode). Any process may change such a file with a
     * plain write(2), which the syscall buffer would take without a stop, and the mappings must
     * show the change (SharedFileMaps.changedViews) or the write be refused (fileChangeRefusal).
     * So every process's library is told not to buffer write(2)s into them
     * (ProcessSyscallBuffer.watch); everything else stays buffered. A file nobody writes (glibc's
     * gconv-modules.cache, mapped shared read-only) costs nothing.
     */
    private final List<long[]> watchedFiles = new ArrayList<>();
    /** A writable one did not fit the list: no process buffers from then on, nor any image exec'd later. */
    private boolean sharedFileWrites;

    /** The shared file mmap of a completed call (null: none), and whether it is writable. */
    private static Boolean sharedFileMapWritable(Registers entry, long result) {
        if (entry.origRax() != SYS_MMAP || result < 0 && result > -4096 || !SharedFileMaps.isSharedFileMap(entry.arg(3))) return null;
        return (entry.arg(2) & 2) != 0;
    }

    /**
     * A file mapped shared (key: device and inode) is watched in every process's library. When
     * the list is full, a writable one stops buffering everywhere; a read-only one is left out (a
     * buffered write into it would not show in its private copies on replay: see architecture.md).
     */
    private void watchFile(Object key, boolean writable) {
        List<?> k = (List<?>) key;
        long[] file = {(Long) k.get(0), (Long) k.get(1)};
        for (long[] f : watchedFiles) if (java.util.Arrays.equals(f, file)) return;
        if (watchedFiles.size() < io.jrrtui.syscallbuf.SyscallBufferLayout.WATCHED_MAX) watchedFiles.add(file);
        else if (writable) sharedFileWrites = true;
        else return;
        for (RecordedTask o : tasks.values()) {
            if (o.proc.syscallBuffer == null) continue;
            if (sharedFileWrites) o.proc.syscallBuffer.stopBuffering(o.proc.mem);
            else o.proc.syscallBuffer.watch(o.proc.mem, watchedFiles);
        }
    }

    /**
     * Why this call, which changes a file through a descriptor, cannot be recorded, or null: another
     * process maps the file shared where this one has no writable mapping of its own that covers
     * it, so the bytes its mapping shows after the call could not be recorded with the call.
     */
    private String fileChangeRefusal(RecordedTask t, String name, Registers regs) {
        int fdArg = SharedFileMaps.changingFd(name);
        if (fdArg < 0) return null;
        Object key = null;
        for (RecordedTask o : tasks.values()) {
            if (o.proc == t.proc || o.proc.sharedFileMaps.isEmpty()) continue;
            if (key == null) key = SharedFileMaps.keyOf(t.tid, (int) regs.arg(fdArg));
            if (!t.proc.sharedFileMaps.covers(o.proc.sharedFileMaps, key)) {
                return "changing a file that another process maps MAP_SHARED, without a writable mapping of it here, is not supported yet";
            }
        }
        return null;
    }

    /** t's XSAVE image, or none where the kernel does not give it (then replay runs to the point). */
    private static byte[] xstateOf(RecordedTask t) {
        try {
            return Ptrace.getXState(t.tid);
        } catch (RuntimeException e) {
            return new byte[0];
        }
    }

    /** Our timeslice SIGSTOP: switch the task out (an event only when it was in user code). */
    private void preempted(RecordedTask t, Registers regs) {
        if (!t.atBoundary && t.proc.syscallBuffer != null && t.proc.syscallBuffer.busy(t.proc.mem, regs)) {
            scheduler.running(t); // inside a buffered call: switch it out once it has left the library
            return;
        }
        if (!t.atBoundary) {
            flushBuffer(t, regs);
            java.util.List<io.jrrtui.sys.ProcMaps.Region> regions = io.jrrtui.sys.ProcMaps.read(t.tid);
            java.util.List<io.jrrtui.trace.MemoryWrite> memory = WritableMemory.snapshot(regions, t.proc.mem);
            write(new io.jrrtui.trace.PreemptEvent(nextEvent, t.tid, regs, memory, xstateOf(t), WritableMemory.coversAllWritable(regions)));
            // a replayable position: signals held back while it ran (no syscall came) go now
            t.boundaryRegs = regs;
            t.boundaryMemory = WritableMemory.digest(memory);
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
                flushBuffer(t, regs);
                write(new RdtscEvent(nextEvent, t.tid, regs.rip(), tsc, aux[0], insn == TrappedInstruction.RDTSCP));
                out = applyRdtsc(regs, tsc, aux[0], insn);
            }
            case CPUID -> {
                int leaf = (int) regs.get(Registers.RAX);
                int sub = (int) regs.get(Registers.RCX);
                int[] r = CpuidPolicy.mask(leaf, sub, Shim.cpuid(leaf, sub));
                flushBuffer(t, regs);
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
