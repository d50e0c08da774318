package io.jrrtui.replay;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Signals;
import io.jrrtui.sys.CpuTime;
import io.jrrtui.sys.DebugRegisters;
import io.jrrtui.sys.ProcMaps;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.SyscallInjector;
import io.jrrtui.sys.TraceeLauncher;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.sys.TracerThread;
import io.jrrtui.sys.WaitStatus;
import io.jrrtui.target.Checkpointing;
import io.jrrtui.target.EventHistory;
import io.jrrtui.target.InterruptRequest;
import io.jrrtui.target.InterruptedOperation;
import io.jrrtui.target.MemoryRegion;
import io.jrrtui.target.StopReason;
import io.jrrtui.target.Target;
import io.jrrtui.target.ThreadState;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.ExecEvent;
import io.jrrtui.trace.SignalEvent;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Replays a trace in a fresh process that runs natively between events. The session can run to an
 * event, continue to a breakpoint or watchpoint, single-step, and fork checkpoints of itself to
 * come back to later; every stop is checked against the recording ({@link EventReplayer}).
 */
public final class ReplaySession implements Target, EventHistory, Checkpointing {
    private static final long ARCH_SET_CPUID = 0x1012;
    private static final int SYS_ARCH_PRCTL = 158;
    private static final int SI_KERNEL = 0x80, TRAP_BRKPT = 1, TRAP_TRACE = 2, TRAP_HWBKPT = 4;
    /**
     * si_code of the SIGTRAP a single-step reports when it delivered a signal: the kernel set up the
     * handler's frame and stops at the handler's first instruction (ptrace_notify(SIGTRAP)).
     */
    private static final int STEPPED_INTO_HANDLER = 5;

    private final TraceeState s;
    private final EventReplayer replayer;
    private final Breakpoints breakpoints = new Breakpoints();
    private final Watchpoints watchpoints = new Watchpoints();
    private final PageWatch pageWatch = new PageWatch();
    private final List<Checkpoint> checkpoints = new ArrayList<>();

    private ReplaySession(TraceReader trace, OutputSink output) {
        this.s = new TraceeState(trace, output);
        this.replayer = new EventReplayer(s);
    }

    /** Starts the recorded program and stops it just after event 1 (its exec). */
    public static ReplaySession start(TraceReader trace, OutputSink output) {
        ReplaySession session = new ReplaySession(trace, output);
        try {
            TracerThread.call(() -> {
                session.launch();
                return null;
            });
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        return session;
    }

    private void launch() {
        s.seekEvents(0);
        Event first = s.events.next();
        if (!(first instanceof ExecEvent exec)) throw new JrrException("corrupt trace: it does not start with an exec event");
        if (!Files.isRegularFile(s.trace.executable())) {
            throw new JrrException("trace " + s.trace.dir() + " has lost its copy of the program (" + s.trace.executable() + ")");
        }
        io.jrrtui.trace.ProgramDigest.check(s.trace.executable());
        TraceeLauncher.Stdio quiet = new TraceeLauncher.Stdio("/dev/null", "/dev/null", "/dev/null");
        int pid = TraceeLauncher.launch(s.trace.executable().toString(), s.trace.info().argv(), s.trace.info().env(), null, quiet);
        LiveTask primary = new LiveTask(exec.tid(), pid, new LiveTask.Proc(pid));
        s.tasks.put(exec.tid(), primary);
        s.setPrimary(primary);
        replayer.restoreExecState(primary, exec);
        s.current = 1;
    }

    // ---- Target --------------------------------------------------------------------------

    @Override
    public Registers registers() {
        return TracerThread.call(() -> shown(Ptrace.getRegs(s.pid)));
    }

    /**
     * Registers as the program has them: without RF, which the kernel sets after a breakpoint
     * held in a debug register (and this replay sets to pass one) and which the next instruction
     * clears — execution control, not program state (gdb, stepping over int3s, never shows it).
     */
    private static Registers shown(Registers r) {
        long flags = r.get(Registers.EFLAGS);
        return (flags & DebugRegisters.EFLAGS_RF) == 0 ? r : r.with(Registers.EFLAGS, flags & ~DebugRegisters.EFLAGS_RF);
    }

    /** Sets the live process's registers (the debugger's {@code set $reg}, frame selection never does). */
    public void setRegisters(Registers regs) {
        TracerThread.call(() -> {
            Ptrace.setRegs(s.pid, regs);
            return null;
        });
    }

    /** The replaying process runs on this machine: its XSAVE image has this processor's layout. */
    @Override
    public int xsaveOffset(int component) {
        return component > 1 && component < 32 ? io.jrrtui.sys.Shim.cpuid(0xd, component)[1] : -1;
    }

    /** The x87/SSE/AVX registers of the live process: the XSAVE image, or FXSAVE's 512 bytes without XSAVE. */
    @Override
    public byte[] floatingPointRegisters() {
        return TracerThread.call(() -> {
            byte[] x = Ptrace.getXStateOrNull(s.pid);
            return x != null && x.length >= 512 ? x : Ptrace.getFpRegs(s.pid);
        });
    }

    @Override
    public byte[] readMemory(long addr, int len) {
        return TracerThread.call(() -> {
            byte[] b = s.mem.read(addr, len);
            s.primary.proc.timestamps.unpatch(addr, b);
            breakpoints.unmask(addr, b);
            return b;
        });
    }

    @Override
    public long currentEvent() {
        return s.current;
    }

    @Override
    public long eventCount() {
        return s.trace.info().eventCount();
    }

    @Override
    public TraceReader trace() {
        return s.trace;
    }

    public int pid() {
        return s.pid;
    }

    @Override
    public boolean exited() {
        return s.exited;
    }

    /** The live process's memory map (/proc/PID/maps). */
    @Override
    public List<MemoryRegion> memoryMap() {
        return TracerThread.call(() -> ProcMaps.read(s.pid)).stream()
                .map(r -> new MemoryRegion(r.start(), r.end(), r.perms(), r.offset(), r.path())).toList();
    }

    @Override
    public byte[] auxiliaryVector() {
        if (s.exited) return null;
        try {
            return Files.readAllBytes(java.nio.file.Path.of("/proc/" + s.pid + "/auxv"));
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The program the followed task runs now (the trace's copy, or the original file when unchanged). */
    @Override
    public java.nio.file.Path currentExecutable() {
        return TracerThread.call(() -> {
            try {
                return java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/" + s.pid + "/exe"));
            } catch (java.io.IOException e) {
                return s.trace.executable().toAbsolutePath();
            }
        });
    }

    /** Where the followed task's executable is loaded (its first mapping). */
    @Override
    public long executableBase() {
        String exe = currentExecutable().toString();
        for (MemoryRegion r : memoryMap()) {
            if (r.path().equals(exe) && r.offset() == 0) return r.start();
        }
        throw new JrrException("the program's executable is not mapped");
    }

    /** The next recorded event (what continuing will meet), or null at the end. */
    @Override
    public Event nextEvent() {
        return s.events.peek();
    }

    @Override
    public Optional<EventHistory> history() {
        return Optional.of(this);
    }

    @Override
    public Optional<Checkpointing> checkpointing() {
        return Optional.of(this);
    }

    @Override
    public <T> T exclusive(Supplier<T> work) {
        return TracerThread.call(work::get);
    }

    @Override
    public StopReason resume() {
        return cont(Long.MAX_VALUE, true);
    }

    @Override
    public StopReason resumeThread(int tid) {
        return contThread(Long.MAX_VALUE, tid);
    }

    // ---- execution control ------------------------------------------------------------------

    /** See {@link EventHistory#stopAfterExec}: set by the debugger for a continue, read by {@link #cont}. */
    private volatile boolean stopAfterExec;

    @Override
    public void stopAfterExec(boolean on) {
        stopAfterExec = on;
    }

    /**
     * Runs until event {@code untilEvent} is complete, or (when honourStops) a breakpoint or
     * watchpoint triggers, or the program ends.
     */
    @Override
    public StopReason cont(long untilEvent, boolean honourStops) {
        return cont(untilEvent, honourStops, Long.MAX_VALUE);
    }

    @Override
    public StopReason cont(long untilEvent, boolean honourStops, long deadline) {
        return TracerThread.call(() -> {
            // Only just after an event completed is the program at an event's boundary: the
            // loop also comes round after stops inside a stretch (a watched page's other writes,
            // passes of a preemption point), and a checkpoint made there by the caller would be
            // keyed as the boundary while standing past it (a search from it missed hits).
            boolean eventJustCompleted = false;
            while (true) {
                if (deadline != Long.MAX_VALUE && eventJustCompleted && !s.exited && System.nanoTime() - deadline >= 0) {
                    return StopReason.atEvent(s.current);
                }
                if (interrupts.take()) {
                    throw new InterruptedOperation(s.current);
                }
                refocus();
                if (s.exited) return StopReason.exited(s.current, s.exitDescription);
                if (s.current >= untilEvent) return StopReason.atEvent(s.current);
                Event next = s.events.peek();
                if (next == null) return endOfTrace();
                if (honourStops && killsTheProgram(next)) return endOfTrace();
                LiveTask t = replayer.taskFor(next);
                long before = s.current;
                StopReason r = runTask(t);
                eventJustCompleted = s.current > before;
                if (r == null && honourStops && stopAfterExec && debuggedProcessExecd && !s.exited) {
                    stoppedIn(s.lastExec);
                    return StopReason.afterExec(s.current);
                }
                if (r == null && s.signalStop != 0) {
                    int sig = s.signalStop;
                    LiveTask at = s.signalTask;
                    s.signalStop = 0;
                    s.signalTask = null;
                    if (honourStops) {
                        stoppedIn(at);
                        return StopReason.signal(s.current, sig);
                    }
                    continue;
                }
                if (r == null || r.kind() == StopReason.Kind.STEP) continue;
                if (r.kind() == StopReason.Kind.PAUSE) return r;
                if (honourStops || r.kind() == StopReason.Kind.EXITED) {
                    stoppedIn(t);
                    return r;
                }
            }
        });
    }

    /**
     * Runs task t (the one the next event belongs to) to its next stop: steps it over a breakpoint
     * it stands on, then lets it run to its event. Any thread of the debugged process can hit a
     * breakpoint or trigger a watchpoint (they belong to the address space); the result says so,
     * and null means the stop was an event handled here.
     */
    private StopReason runTask(LiveTask t) {
        long execsBefore = s.execs;
        StopReason r = runTaskToItsStop(t);
        debuggedProcessExecd = s.execs != execsBefore && s.lastExec != null && s.lastExec.proc == s.primary.proc;
        if (debuggedProcessExecd) {
            breakpoints.replacedByExec();
            s.lastExec.debugRegsVersion = 0; // exec clears a thread's debug registers
        }
        return r;
    }

    /** Whether the debugged process exec'd during the last {@link #runTask} (its program, and memory, are new). */
    private boolean debuggedProcessExecd;

    private StopReason runTaskToItsStop(LiveTask t) {
        readyDebugRegs(t);
        if (s.events.peek() instanceof io.jrrtui.trace.PreemptEvent pe && pe.tid() == t.recordedTid) {
            return towardsPreemption(t, pe);
        }
        if (replayer.special(t)) return null;
        // Without breakpoints there is nothing to step over: skip the GETREGS per event.
        if (t.pending == null && inDebuggedProcess(t) && !stopsDisarmed && !breakpoints.addresses().isEmpty()) {
            breakpoints.armPending(t.proc.mem);
            Registers regs = Ptrace.getRegs(t.tid);
            long rip = regs.rip();
            if (breakpoints.armed(rip)) {
                StopReason r = stepOverBreakpoint(t, rip);
                if (r.kind() == StopReason.Kind.STEP) {
                    // The step may land on another breakpoint: that counts as hitting it.
                    long after = Ptrace.getRegs(t.tid).rip();
                    if ((breakpoints.armed(after) || breakpoints.armedInHardware(after)) && t.pending == null) {
                        return StopReason.breakpoint(s.current, after);
                    }
                }
                return r;
            }
            passHardwareBreakpoint(t, regs);
        }
        if (replayer.lostFault(t)) return null; // after the step over a breakpoint it may stand on
        StopReason r = classify(t, replayer.nextStop(t, Ptrace.PTRACE_SYSEMU), false);
        if (s.breakpointsToCheck && !stopsDisarmed && !s.exited) {
            // the dynamic loader maps a library's code over its first read-only mapping: an int3 put there is gone
            breakpoints.rearmReplaced(s.mem);
            s.breakpointsToCheck = false;
        }
        if (s.mappingsChanged && !pageWatch.isEmpty() && !stopsDisarmed) applyPageWatch();
        return r;
    }

    /** Passes of the switch-out pc tried before the task is put there directly (no stops armed / stops armed). */
    private static final int PREEMPT_PASSES = 2_000, PREEMPT_PASSES_WITH_STOPS = 100_000;
    private static final byte INT3 = (byte) 0xcc;

    /**
     * One step of the search for the point where the recorder switched t out (a preempt event):
     * the first time t is at that rip with the recorded registers and writable memory. An int3 at
     * rip finds the passes (debug registers are not available everywhere); each run between two
     * passes is ordinary execution, so the user's breakpoints and watchpoints hit in it are
     * reported — the search goes on at the next call. After too many passes (a loop whose registers
     * repeat) the task is put there directly from the recorded state; with stops armed the limit
     * is far higher, because stops inside the skipped stretch would be missed.
     */
    private StopReason towardsPreemption(LiveTask t, io.jrrtui.trace.PreemptEvent pe) {
        if (t.pending != null) {
            throw new DivergenceException(pe.number(), "task " + t.recordedTid + " is in a syscall where the recording has " + pe.describe());
        }
        Registers now = Ptrace.getRegs(t.tid);
        if (EventReplayer.samePoint(now, pe.regs()) && EventReplayer.sameMemory(t, pe)) return metPreemption(t, pe);
        boolean stopsArmed = inDebuggedProcess(t) && !stopsDisarmed && (!breakpoints.addresses().isEmpty() || !pageWatch.isEmpty());
        if (!stopsArmed && t.preemptPasses == 0 && EventReplayer.canPutExactly(t, pe)) {
            EventReplayer.logPreemption(pe, "put in place at once (exact)");
            return putAtPreemption(t, pe);
        }
        long searchLeft = EventReplayer.preemptSearchNanos() - t.preemptSearchNanos;
        if (t.preemptPasses >= (stopsArmed ? PREEMPT_PASSES_WITH_STOPS : PREEMPT_PASSES) || searchLeft <= 0) {
            EventReplayer.logPreemption(pe, "not met in " + t.preemptPasses + " passes");
            return putAtPreemption(t, pe);
        }
        long target = pe.regs().rip();
        boolean userBreakpoint = inDebuggedProcess(t) && breakpoints.armed(target);
        if (now.rip() == target || (inDebuggedProcess(t) && breakpoints.armed(now.rip()))) {
            // standing on the point (a pass that did not match) or on a user breakpoint: step off it
            StopReason r = inDebuggedProcess(t) && breakpoints.armed(now.rip()) ? stepOverBreakpoint(t, now.rip()) : stepTask(t);
            return r.kind() == StopReason.Kind.STEP ? null : r;
        }
        byte[] saved = null;
        if (!userBreakpoint) {
            saved = t.proc.mem.read(target, 1);
            t.proc.mem.write(target, new byte[] {INT3});
        }
        WaitStatus ws;
        boolean expired;
        long started = System.nanoTime();
        if (inDebuggedProcess(t) && !stopsDisarmed) passHardwareBreakpoint(t, now);
        try (StopDeadline deadline = StopDeadline.after(t, searchLeft)) {
            if (s.pause.enabled()) s.pause.beforeResume(t);
            Ptrace.resume(Ptrace.PTRACE_SYSEMU, t.tid, t.deliver);
            t.deliver = 0;
            ws = s.pause.enabled() ? s.pause.waitFor(t) : Ptrace.waitFor(t.tid);
            expired = deadline.expired(ws);
        } finally {
            t.preemptSearchNanos += System.nanoTime() - started;
            if (saved != null && !t.dead) t.proc.mem.write(target, saved);
        }
        if (expired) {
            // running this long without passing the point, it is somewhere it cannot leave alone
            t.paused = false; // a pause's SIGSTOP merged with the deadline's
            EventReplayer.logPreemption(pe, "not reached in " + t.preemptSearchNanos / 1_000_000 + " ms (" + t.preemptPasses + " passes)");
            return putAtPreemption(t, pe);
        }
        if (ws.stopped() && ws.event() == 0 && ws.stopSig() == Signals.SIGTRAP) {
            Registers regs = Ptrace.getRegs(t.tid);
            if (regs.rip() - 1 == target && Signals.siginfoCode(Ptrace.getSigInfo(t.tid)) == SI_KERNEL) {
                Ptrace.setRegs(t.tid, regs.with(Registers.RIP, target));
                t.preemptPasses++;
                if (EventReplayer.samePoint(Ptrace.getRegs(t.tid), pe.regs()) && EventReplayer.sameMemory(t, pe)) return metPreemption(t, pe);
                return userBreakpoint ? StopReason.breakpoint(s.current, target) : null;
            }
        }
        if (ws.syscallStop() || ws.exited() || ws.signaled()) {
            // went past the point without meeting it: put the task there (its syscall is not run:
            // SYSEMU stopped it at the entry)
            if (ws.exited() || ws.signaled()) {
                throw new DivergenceException(pe.number(), "task " + t.recordedTid + " ended before the point where it was switched out (" + ws + ")");
            }
            EventReplayer.logPreemption(pe, "passed by after " + t.preemptPasses + " passes (" + ws + ")");
            return putAtPreemption(t, pe);
        }
        StopReason r = classify(t, ws, false); // a user breakpoint, a watched write, a recorded signal...
        return r;
    }

    /** Ends the search for pe by putting t there from the recorded state. */
    private StopReason putAtPreemption(LiveTask t, io.jrrtui.trace.PreemptEvent pe) {
        EventReplayer.putThere(t, pe);
        return reachedPreemption(t, pe);
    }

    /** Ends the search for pe: t met the point by running to it. */
    private StopReason metPreemption(LiveTask t, io.jrrtui.trace.PreemptEvent pe) {
        EventReplayer.logPreemption(pe, "reached after " + t.preemptPasses + " passes, " + t.preemptSearchNanos / 1000 + " µs");
        return reachedPreemption(t, pe);
    }

    private StopReason reachedPreemption(LiveTask t, io.jrrtui.trace.PreemptEvent pe) {
        t.preemptPasses = 0;
        t.preemptSearchNanos = 0;
        replayer.finishPreemption(pe);
        return null;
    }

    /**
     * Like {@link #cont} with stops honoured, but only stops of thread recordedTid count: the others'
     * breakpoint hits and watchpoint triggers are passed over (stepping one thread, as gdb does
     * over rr with the other threads running as recorded). The stepping thread stays selected.
     */
    @Override
    public StopReason contThread(long untilEvent, int recordedTid) {
        while (true) {
            StopReason r = cont(untilEvent, true);
            boolean byOther = switch (r.kind()) {
                case BREAKPOINT, WATCHPOINT, SIGNAL -> positionThread() != recordedTid;
                default -> false;
            };
            if (!byOther) return r;
            if (!selectRecordedThread(recordedTid)) return r; // the stepping thread is gone
        }
    }

    /** The recording ends here without the program's end (recorder stopped, program killed later). */
    private StopReason endOfTrace() {
        s.atTraceEnd = true;
        String how = s.trace.info().endReason();
        String text = "the recording ends here" + (how == null || how.isBlank() ? "" : " (program " + how + ")")
                + (s.trace.incomplete() ? " (the recording was interrupted)" : "");
        return StopReason.endOfTrace(s.current, text);
    }

    /**
     * Whether e is the signal that ended the recording (Ctrl-C, kill) with nothing after it but the
     * deaths it caused. The debugger stops before it, with every thread still there to inspect, as
     * the last moment of the recording; {@code replay -a} delivers it.
     */
    private boolean killsTheProgram(Event e) {
        if (!(e instanceof SignalEvent se) || se.fault()) return false;
        String end = s.trace.info().endReason();
        if (end == null || !end.equals("killed by " + Signals.name(se.signo()))) return false;
        long alive = s.tasks.values().stream().filter(t -> !t.dead && !t.exiting).count();
        return s.trace.info().eventCount() - se.number() == alive;
    }

    /** Whether the session stands at the last recorded event with the program still there. */
    @Override
    public boolean atTraceEnd() {
        return s.atTraceEnd && !s.exited && (s.events.peek() == null || killsTheProgram(s.events.peek()));
    }

    /** A stop happened in t: the debugger follows that thread from now on (gdb's behaviour). */
    private void stoppedIn(LiveTask t) {
        if (t == null || t.dead || !inDebuggedProcess(t)) return;
        s.positionTask = t;
        if (t != s.primary) s.setPrimary(t);
    }

    /** Whether t shares the address space the debugger shows (breakpoints and watchpoints are there). */
    private boolean inDebuggedProcess(LiveTask t) {
        return t.proc == s.primary.proc;
    }

    /** Protects the watched pages in the debugged process, through a thread that is not inside a call. */
    private void applyPageWatch() {
        if (s.exited) return;
        LiveTask by = s.primary;
        for (LiveTask t : s.tasks.values()) {
            if (by.pending == null && !gone(by)) break;
            // a thread a pause stopped on its way out may be gone already (no /proc entry) though
            // not yet seen to exit
            if (!t.dead && !t.exiting && t.pending == null && inDebuggedProcess(t) && !gone(t)) by = t;
        }
        pageWatch.apply(by.tid, s.mem);
        s.mappingsChanged = false;
    }

    private static boolean gone(LiveTask t) {
        return !java.nio.file.Files.exists(java.nio.file.Path.of("/proc/" + t.tid));
    }

    /**
     * Before t runs: its debug registers hold the breakpoints kept in them (they are per thread,
     * and clone, fork and exec do not pass them on), or nothing when t is not in the debugged
     * process (after a change of focus).
     */
    private void readyDebugRegs(LiveTask t) {
        int want = inDebuggedProcess(t) ? breakpoints.hardware.version() : 0;
        if (t.debugRegsVersion == want || t.dead) return;
        if (want == 0) {
            Ptrace.setDebugReg(t.tid, 7, 0);
        } else {
            breakpoints.hardware.applyTo(t.tid);
        }
        t.debugRegsVersion = want;
    }

    /**
     * A thread about to resume on a breakpoint held in a debug register passes it (RF set: the
     * instruction runs once without the trap), as one standing on an int3 is stepped over: the
     * hit was reported when it arrived, or it was put there. After a hit the kernel has set RF
     * already; a restored or stepped thread needs it set.
     */
    private void passHardwareBreakpoint(LiveTask t, Registers regs) {
        long flags = regs.get(Registers.EFLAGS);
        if ((flags & DebugRegisters.EFLAGS_RF) == 0 && breakpoints.armedInHardware(regs.rip())) {
            Ptrace.setRegs(t.tid, regs.with(Registers.EFLAGS, flags | DebugRegisters.EFLAGS_RF));
        }
    }

    private final InterruptRequest interrupts = new InterruptRequest();
    /** The recorded tid the debugger follows (-p/-f), 0 for the program's first task. */
    private int focusTid;

    /**
     * Makes the debugger follow another task (a child process, {@code replay -p/-f}): breakpoints,
     * registers, memory and stepping are that task's from the moment it exists; after a checkpoint
     * is restored, the replay switches to it again as soon as it is created.
     */
    @Override
    public void focus(int recordedTid) {
        TracerThread.call(() -> {
            focusTid = recordedTid;
            refocus();
            return null;
        });
    }

    /** Whether the followed task exists now (it is created later in the recording otherwise). */
    @Override
    public boolean focused() {
        return focusTid == 0 || s.primary.recordedTid == focusTid;
    }

    private void refocus() {
        if (focusTid == 0 || s.primary.recordedTid == focusTid) return;
        LiveTask t = s.tasks.get(focusTid);
        if (t == null || t.dead || t.proc == s.primary.proc) return;
        breakpoints.lift(s.mem);
        pageWatch.lift(s.pid, s.mem);
        s.setPrimary(t);
        s.positionTask = t;
        breakpoints.markLifted();
        if (stopsDisarmed) return;
        breakpoints.insert(s.mem);
        applyPageWatch();
    }

    /**
     * A running {@link #cont} (from any thread) stops at its next safe point, between two stops of
     * the program, when asked here; it then throws {@link InterruptedOperation}.
     */
    @Override
    public InterruptRequest interrupts() {
        return interrupts;
    }

    /**
     * Executes one instruction of the selected thread (a syscall or trapped instruction completes
     * its event); the other threads first run as recorded until it is the selected thread's turn.
     */
    @Override
    public StopReason stepInstruction() {
        return TracerThread.call(() -> {
            if (s.exited) return StopReason.exited(s.current, s.exitDescription);
            runOthersUntilPrimaryTurn();
            if (s.exited) return StopReason.exited(s.current, s.exitDescription);
            if (s.events.peek() == null && s.primary.pending != null) return endOfTrace();
            LiveTask t = s.primary;
            long rip = Ptrace.getRegs(t.tid).rip();
            StopReason r = breakpoints.armed(rip) && t.pending == null ? stepOverBreakpoint(t, rip) : stepTask(t);
            s.positionTask = t;
            return r;
        });
    }

    private StopReason stepOverBreakpoint(LiveTask t, long rip) {
        breakpoints.remove(rip, t.proc.mem);
        try {
            return stepTask(t);
        } finally {
            if (!s.exited) breakpoints.add(rip, s.mem);
            else breakpoints.addLifted(rip);
        }
    }

    /** One instruction of t (whose turn it is). */
    private StopReason stepTask(LiveTask t) {
        replayer.preloadBufferedCalls(t); // its buffered calls must be in place before it steps into them
        if (t.pending == null) replayer.faultHere(t); // a recorded SIGBUS due at this instruction goes with the step
        if (t.pending != null) {
            // t is stopped at its next event: completing that event is its next step
            StopReason r = classify(t, replayer.nextStop(t, Ptrace.PTRACE_SYSEMU_SINGLESTEP), true);
            return r == null ? StopReason.step(s.current) : r;
        }
        readyDebugRegs(t);
        if (inDebuggedProcess(t) && breakpoints.hardware.any()) passHardwareBreakpoint(t, Ptrace.getRegs(t.tid));
        Ptrace.resume(Ptrace.PTRACE_SYSEMU_SINGLESTEP, t.tid, t.deliver);
        t.deliver = 0;
        WaitStatus ws = Ptrace.waitFor(t.tid);
        Event next = s.events.peek();
        if (ws.syscallStop() && next != null && next.tid() != t.recordedTid) {
            t.pending = ws; // reached its next syscall, but other tasks' events come first
            if (t != s.primary) return StopReason.step(s.current);
            runOthersUntilPrimaryTurn();
            StopReason r = classify(t, replayer.nextStop(t, Ptrace.PTRACE_SYSEMU), true);
            return r == null ? StopReason.step(s.current) : r;
        }
        StopReason r = classify(t, ws, true);
        s.signalStop = 0; // a step that meets a signal stops anyway
        s.signalTask = null;
        return r == null ? StopReason.step(s.current) : r;
    }

    /**
     * Replays other tasks' events until the next event is the selected thread's (or the end). Their
     * breakpoint hits and watchpoint triggers are passed over: stepping one thread reports its own
     * stops only (the others run as recorded, as under rr).
     */
    private void runOthersUntilPrimaryTurn() {
        while (!s.exited) {
            Event next = s.events.peek();
            if (next == null || next.tid() == s.primary.recordedTid) return;
            runTask(replayer.taskFor(next));
            s.signalStop = 0;
            s.signalTask = null;
        }
    }

    /** Turns a wait status of t into a stop for the caller, or null when the stop was an event handled here. */
    private StopReason classify(LiveTask t, WaitStatus ws, boolean stepping) {
        if (t.paused) {
            t.paused = false; // the SIGSTOP is never delivered: t resumes with nothing
            s.positionTask = t;
            return StopReason.pause(s.current);
        }
        if (ws.exited() || ws.signaled()) {
            replayer.handleStop(t, ws);
            return s.exited ? StopReason.exited(s.current, s.exitDescription) : null;
        }
        if (ws.stopped() && ws.event() == 0 && ws.stopSig() == 5 && inDebuggedProcess(t)) {
            byte[] info = Ptrace.getSigInfo(t.tid);
            int code = Signals.siginfoCode(info);
            Registers regs = Ptrace.getRegs(t.tid);
            long rip = regs.rip();
            if (code == SI_KERNEL && breakpoints.armed(rip - 1)) {
                Ptrace.setRegs(t.tid, regs.with(Registers.RIP, rip - 1));
                return StopReason.breakpoint(s.current, rip - 1);
            }
            // a step's trap: TRAP_TRACE, TRAP_BRKPT where the hypervisor leaves DR6's step bit clear,
            // or the stop at a signal handler's entry when the step delivered a signal
            boolean stepTrap = code == TRAP_TRACE || code == TRAP_BRKPT || code == STEPPED_INTO_HANDLER;
            if (code == TRAP_HWBKPT && breakpoints.hardware.any()) {
                // a breakpoint held in a debug register: the trap comes before its instruction runs
                // (the kernel says TRAP_HWBKPT exactly when DR6 names a slot: a step's trap never does)
                long at = breakpoints.hardware.hit(Ptrace.getDebugReg(t.tid, 6));
                if (at == rip && breakpoints.armedInHardware(rip)) return StopReason.breakpoint(s.current, rip);
            }
            if (code == TRAP_HWBKPT || (stepTrap && stepping)) return stepping ? StopReason.step(s.current) : null;
            if (code == TRAP_TRACE) return null; // a leftover single-step trap
        }
        if (ws.stopped() && ws.event() == 0 && ws.stopSig() == Signals.SIGSEGV && inDebuggedProcess(t) && !pageWatch.isEmpty()) {
            long faultPc = Ptrace.getRegs(t.tid).rip(); // the accessing instruction, not run yet
            int slot = pageWatch.onFault(t.tid, t.proc.mem, Ptrace.getSigInfo(t.tid));
            if (slot >= 0) return StopReason.watchpoint(s.current, slot, watchpoints.address(slot), faultPc);
            if (slot == -1) {
                if (stepping) return StopReason.step(s.current);
                // an unwatched write on a watched page was stepped over onto a breakpoint: that is
                // a hit, which the next resume would otherwise step over unseen
                long pc = Ptrace.getRegs(t.tid).rip();
                return breakpoints.armed(pc) || breakpoints.armedInHardware(pc) ? StopReason.breakpoint(s.current, pc) : null;
            }
        }
        replayer.handleStop(t, ws);
        if (s.exited) return StopReason.exited(s.current, s.exitDescription);
        return null;
    }

    // ---- threads ------------------------------------------------------------------------------

    /** gdb-style thread numbers: 1, 2, ... in the order threads were first seen; stable across restores. */
    private final java.util.Map<Integer, Integer> threadNumbers = new java.util.HashMap<>();

    private int threadNumber(int recordedTid) {
        if (!threadNumbers.containsKey(recordedTid)) {
            // number every task known so far in creation order (the task map keeps that order)
            for (LiveTask t : s.tasks.values()) threadNumbers.computeIfAbsent(t.recordedTid, k -> threadNumbers.size() + 1);
        }
        return threadNumbers.computeIfAbsent(recordedTid, k -> threadNumbers.size() + 1);
    }

    /** The live threads of the debugged process, by thread number. */
    @Override
    public List<ThreadState> threads() {
        return TracerThread.call(() -> {
            List<ThreadState> out = new ArrayList<>();
            for (LiveTask t : s.tasks.values()) {
                if (t.dead || t.exiting || !inDebuggedProcess(t)) continue;
                out.add(new ThreadState(threadNumber(t.recordedTid), t.recordedTid, threadName(t), t == s.primary, t.pending != null));
            }
            out.sort(java.util.Comparator.comparingInt(ThreadState::number));
            return out;
        });
    }

    /** The selected thread: the one whose registers, memory and stack the debugger shows. */
    @Override
    public ThreadState selectedThread() {
        LiveTask t = s.primary;
        return new ThreadState(threadNumber(t.recordedTid), t.recordedTid, threadName(t), true, t.pending != null);
    }

    /** How many threads of the debugged process live now. */
    @Override
    public int threadCount() {
        int n = 0;
        for (LiveTask t : s.tasks.values()) if (!t.dead && !t.exiting && inDebuggedProcess(t)) n++;
        return n;
    }

    /** {@code thread N}: shows thread N from now on (the position in time does not change). */
    @Override
    public ThreadState selectThread(int number) {
        return TracerThread.call(() -> {
            for (LiveTask t : s.tasks.values()) {
                if (t.dead || t.exiting || !inDebuggedProcess(t) || threadNumber(t.recordedTid) != number) continue;
                s.setPrimary(t);
                return selectedThread();
            }
            throw new JrrException("Invalid thread ID: " + number);
        });
    }

    /** Selects the thread with this recorded tid when it lives in the debugged process; false otherwise. */
    @Override
    public boolean selectRecordedThread(int recordedTid) {
        return TracerThread.call(() -> {
            LiveTask t = s.tasks.get(recordedTid);
            if (t == null || t.dead || !inDebuggedProcess(t)) return false;
            s.setPrimary(t);
            return true;
        });
    }

    /**
     * The thread whose execution made the current position (the one that stopped, or stepped);
     * at an event boundary, the selected one. Its registers identify the position within the
     * current event interval: only one task runs between two events.
     */
    @Override
    public int positionThread() {
        LiveTask t = s.positionTask;
        return t == null || t.dead || !inDebuggedProcess(t) ? s.primary.recordedTid : t.recordedTid;
    }

    /** Registers of a live thread by recorded tid (the selected thread's when it is gone). */
    @Override
    public Registers registersOf(int recordedTid) {
        return TracerThread.call(() -> {
            LiveTask t = s.tasks.get(recordedTid);
            return shown(Ptrace.getRegs(t == null || t.dead ? s.pid : t.tid));
        });
    }

    private String threadName(LiveTask t) {
        if (t.name != null) return t.name;
        String exe = s.trace.info().argv().isEmpty() ? "" : s.trace.info().argv().get(0);
        return exe.substring(exe.lastIndexOf('/') + 1);
    }

    // ---- breakpoints and watchpoints ---------------------------------------------------------

    @Override
    public void addBreakpoint(long addr) {
        TracerThread.call(() -> {
            if (!stopsDisarmed) breakpoints.insert(s.mem);
            breakpoints.add(addr, s.mem);
            return null;
        });
    }

    @Override
    public void removeBreakpoint(long addr) {
        TracerThread.call(() -> {
            breakpoints.remove(addr, s.exited ? null : s.mem); // after the exit there is no memory to restore
            return null;
        });
    }

    @Override
    public Set<Long> breakpointAddresses() {
        return Set.copyOf(breakpoints.addresses());
    }

    /** Arms a hardware watchpoint; returns its slot (0..3). */
    @Override
    public int addWatchpoint(long addr, int len, boolean includeReads) {
        return TracerThread.call(() -> {
            int slot = watchpoints.set(addr, len, includeReads ? Watchpoints.Kind.ACCESS : Watchpoints.Kind.WRITE);
            pageWatch.set(slot, addr, len, includeReads);
            try {
                if (!stopsDisarmed) applyPageWatch();
            } catch (RuntimeException e) {
                pageWatch.clear(slot);
                watchpoints.clear(slot);
                throw e;
            }
            return slot;
        });
    }

    @Override
    public void removeWatchpoint(int slot) {
        TracerThread.call(() -> {
            watchpoints.clear(slot);
            pageWatch.clear(slot);
            if (!stopsDisarmed) applyPageWatch();
            return null;
        });
    }

    /**
     * Pauses any native run of a task that lasts longer than nanos (0: never) with a
     * {@link StopReason.Kind#PAUSE} stop of {@link #cont}, so a checkpoint can be made in the middle
     * of a long syscall-free stretch.
     */
    @Override
    public void pauseLongRuns(long nanos) {
        s.pause.setThreshold(nanos);
    }

    @Override
    public long programCpuNanos() {
        return CpuTime.ofProcess(pid());
    }

    @Override
    public long pausedRunNanos() {
        return TracerThread.call(s.pause::clockedNanos);
    }

    /** While true, no int3 is in the program and no watched page is protected (see {@link #armStops}). */
    private boolean stopsDisarmed;

    /**
     * Takes the breakpoints and watchpoints out of the live process (false) or puts them back
     * (true). A run that must not stop (going to an event, skipping to the interval a reverse
     * search looks at) goes at native speed instead of trapping at every hit it passes over; the
     * breakpoints and watchpoints stay defined, and restored checkpoints follow the setting.
     */
    @Override
    public void armStops(boolean armed) {
        TracerThread.call(() -> {
            if (armed == !stopsDisarmed) return null;
            stopsDisarmed = !armed;
            if (s.exited) return null;
            if (armed) {
                breakpoints.insert(s.mem);
                applyPageWatch();
            } else {
                breakpoints.lift(s.mem);
                pageWatch.lift(s.pid, s.mem);
            }
            return null;
        });
    }

    // ---- checkpoints ------------------------------------------------------------------------

    /**
     * Forks a checkpoint of the live process at its current state: a fork of its main thread plus
     * an image of every thread (see {@link ThreadRebuild}). Refused, saying why, where the state is
     * not one a checkpoint can hold (several processes, a thread exiting, a writable shared mapping).
     */
    @Override
    public Checkpoint checkpoint() {
        return TracerThread.call(() -> {
            if (s.exited) throw new JrrException("the program has ended; there is nothing to checkpoint");
            List<LiveTask> alive = ThreadRebuild.alive(s);
            String why = ThreadRebuild.whyNot(s, alive);
            if (why != null) throw new JrrException("no checkpoint here: " + why);
            List<TaskImage> images = new ArrayList<>();
            for (LiveTask t : alive) images.add(TaskImage.of(t));
            LiveTask leader = ThreadRebuild.leader(alive);
            int child = forkWithoutStops(leader, images.get(alive.indexOf(leader)).regs(), false);
            LiveTask position = s.positionTask == null || s.positionTask.dead ? s.primary : s.positionTask;
            Checkpoint cp = new Checkpoint(child, s.current, List.copyOf(images), s.primary.recordedTid, position.recordedTid,
                    leader.proc.timestamps.copy());
            checkpoints.add(cp);
            return cp;
        });
    }

    /**
     * Forks task t's process from t (breakpoints and page protections out of the copy) and puts t
     * back as it was: regs are its registers before, for re-entering a syscall it was stopped in.
     * silently: the copy's death signals nobody (see {@link SyscallInjector#forkSilently}).
     */
    private int forkWithoutStops(LiveTask t, Registers regs, boolean silently) {
        breakpoints.lift(s.mem);
        pageWatch.lift(s.pid, s.mem);
        try {
            return silently ? SyscallInjector.forkSilently(t.tid, t.proc.mem) : SyscallInjector.fork(t.tid, t.proc.mem);
        } finally {
            // the injected fork ran in t: back into the call it was stopped at
            if (t.pending != null) t.pending = ThreadRebuild.reenterSyscall(t.tid, regs);
            if (!stopsDisarmed) {
                breakpoints.insert(s.mem);
                applyPageWatch();
            }
        }
    }

    /**
     * Runs call in a forked copy of the selected thread's process (see {@link DivertedCall}): the
     * replay, its position and the recording are untouched; what the call does to memory and files
     * inside the copy is its own, and output it writes to stdout/stderr is shown.
     */
    @Override
    public io.jrrtui.arch.FunctionCall.Returned callFunction(io.jrrtui.arch.FunctionCall call) {
        return TracerThread.call(() -> {
            if (s.exited) throw new JrrException("You can't do that without a process to debug.");
            LiveTask t = s.primary;
            String why = t.deliver != 0 || t.raisedSignal != 0 ? "the thread is about to receive a signal"
                    : t.pending != null && !t.pending.syscallStop() ? "the thread waits in an unexpected stop"
                    : t.exiting || t.proc.groupExiting ? "the thread is exiting"
                    : ThreadRebuild.sharedMapping(t.proc.tgid);
            if (why != null) throw new JrrException("Cannot call " + call.name() + "() here: it runs in a forked copy of the program, "
                    + "and none can be made now (" + why + ").");
            long entry = entryPoint(t.proc.tgid);
            // killed right after the call: its death must not leave a SIGCHLD for the program's next resume
            int copy = forkWithoutStops(t, Ptrace.getRegs(t.tid), true);
            interrupts.clear(); // a Ctrl-C from before the call is not for it
            return DivertedCall.run(copy, call, entry, s.output, s.current, t.proc.timestamps, interrupts);
        });
    }

    /** The program's entry point (AT_ENTRY): where a called function returns to, as in gdb. */
    private static long entryPoint(int pid) {
        try {
            ByteBuffer auxv = ByteBuffer.wrap(Files.readAllBytes(java.nio.file.Path.of("/proc/" + pid + "/auxv"))).order(ByteOrder.LITTLE_ENDIAN);
            while (auxv.remaining() >= 16) {
                long type = auxv.getLong(), value = auxv.getLong();
                if (type == 9) return value;
            }
        } catch (java.io.IOException e) {
            // said below
        }
        throw new JrrException("Cannot call functions here: the program's entry point (where a call returns to) is unknown.");
    }

    /** Makes a fresh fork of cp the live process, its threads re-created; the old live process is killed. */
    @Override
    public void restore(io.jrrtui.target.Checkpoint saved) {
        Checkpoint cp = own(saved);
        TracerThread.call(() -> {
            if (!checkpoints.contains(cp)) throw new JrrException("checkpoint of event " + cp.event() + " was discarded");
            int child;
            try (TraceeMemory cpMem = new TraceeMemory(cp.pid())) {
                child = SyscallInjector.fork(cp.pid(), cpMem);
            }
            killAll();
            for (LiveTask t : s.tasks.values()) t.proc.mem.close();
            s.tasks.clear();
            List<LiveTask> rebuilt;
            try {
                rebuilt = ThreadRebuild.rebuild(child, cp.tasks(), cp.timestamps());
            } catch (RuntimeException e) {
                Ptrace.killAndReap(child);
                throw e;
            }
            for (LiveTask t : rebuilt) s.tasks.put(t.recordedTid, t);
            s.setPrimary(s.tasks.get(cp.selectedTid()));
            s.current = cp.event();
            s.exited = false;
            s.atTraceEnd = false;
            s.positionTask = s.tasks.get(cp.positionTid());
            s.signalStop = 0;
            s.signalTask = null;
            s.exitDescription = "";
            s.mappingsChanged = false;
            s.breakpointsToCheck = false;
            s.seekEvents(cp.event());
            breakpoints.markLifted();
            pageWatch.forgetLive();
            if (!stopsDisarmed) {
                breakpoints.insert(s.mem);
                applyPageWatch();
            }
            // pending signals are not inherited by fork: the next boundary signal is raised again
            LiveTask signalled = s.events.peek() instanceof SignalEvent se ? s.tasks.get(se.tid()) : null;
            if (signalled != null && signalled.deliver == 0) replayer.raiseBoundarySignal();
            return null;
        });
    }

    @Override
    public void discard(io.jrrtui.target.Checkpoint saved) {
        Checkpoint cp = own(saved);
        TracerThread.call(() -> {
            if (checkpoints.remove(cp)) Ptrace.killAndReap(cp.pid());
            return null;
        });
    }

    /** The replay's own checkpoint behind a saved state; another target's is refused. */
    private static Checkpoint own(io.jrrtui.target.Checkpoint saved) {
        if (saved instanceof Checkpoint cp) return cp;
        throw new JrrException("not a checkpoint of this replay");
    }

    /**
     * Kills every live task. Threads are reaped before their group leader: a leader's death is
     * reported only after all its threads are gone.
     */
    private void killAll() {
        for (LiveTask t : s.tasks.values()) if (!t.dead) Ptrace.kill(t.tid, 9);
        for (LiveTask t : s.tasks.values()) if (!t.dead && t.tid != t.proc.tgid) Ptrace.killAndReap(t.tid);
        for (LiveTask t : s.tasks.values()) if (!t.dead && t.tid == t.proc.tgid) Ptrace.killAndReap(t.tid);
        for (LiveTask t : s.tasks.values()) t.dead = true;
    }

    public List<Checkpoint> checkpoints() {
        return List.copyOf(checkpoints);
    }

    /** The exit status the recording ended with. */
    public int recordedExitStatus() {
        return s.trace.info().exitStatus();
    }

    @Override
    public void close() {
        if (s.events != null) s.events.close();
        TracerThread.call(() -> {
            killAll();
            for (Checkpoint cp : checkpoints) Ptrace.killAndReap(cp.pid());
            checkpoints.clear();
            return null;
        });
        s.pid = 0;
        if (s.mem != null) s.mem.close();
        s.sysvSegments.close();
        s.sharedFileObjects.close();
    }
}
