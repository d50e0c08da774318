package io.jrrtui.replay;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Signals;
import io.jrrtui.sys.ProcMaps;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.SyscallInjector;
import io.jrrtui.sys.TraceeLauncher;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.sys.TracerThread;
import io.jrrtui.sys.WaitStatus;
import io.jrrtui.target.StopReason;
import io.jrrtui.target.Target;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.ExecEvent;
import io.jrrtui.trace.SignalEvent;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.util.JrrException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Replays a trace in a fresh process that runs natively between events. The session can run to an
 * event, continue to a breakpoint or watchpoint, single-step, and fork checkpoints of itself to
 * come back to later; every stop is checked against the recording ({@link EventReplayer}).
 */
public final class ReplaySession implements Target {
    private static final long ARCH_SET_CPUID = 0x1012;
    private static final int SYS_ARCH_PRCTL = 158;
    private static final int SI_KERNEL = 0x80, TRAP_TRACE = 2, TRAP_HWBKPT = 4;

    private final TraceeState s;
    private final EventReplayer replayer;
    private final Breakpoints breakpoints = new Breakpoints();
    private final Watchpoints watchpoints = new Watchpoints();
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
        return TracerThread.call(() -> Ptrace.getRegs(s.pid));
    }

    /** Sets the live process's registers (the debugger's {@code set $reg}, frame selection never does). */
    public void setRegisters(Registers regs) {
        TracerThread.call(() -> {
            Ptrace.setRegs(s.pid, regs);
            return null;
        });
    }

    @Override
    public byte[] readMemory(long addr, int len) {
        return TracerThread.call(() -> {
            byte[] b = s.mem.read(addr, len);
            for (int i = 0; i < len; i++) {
                Byte orig = breakpoints.originalAt(addr + i);
                if (orig != null) b[i] = orig;
            }
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

    public TraceReader trace() {
        return s.trace;
    }

    public int pid() {
        return s.pid;
    }

    public boolean exited() {
        return s.exited;
    }

    /** The live process's memory map (/proc/PID/maps). */
    public List<ProcMaps.Region> memoryMap() {
        return TracerThread.call(() -> ProcMaps.read(s.pid));
    }

    /** The program the followed task runs now (the trace's copy, or the original file when unchanged). */
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
    public long executableBase() {
        String exe = currentExecutable().toString();
        for (ProcMaps.Region r : memoryMap()) {
            if (r.path().equals(exe) && r.offset() == 0) return r.start();
        }
        throw new JrrException("the program's executable is not mapped");
    }

    /** The next recorded event (what continuing will meet), or null at the end. */
    public Event nextEvent() {
        return s.events.peek();
    }

    @Override
    public StopReason runToEnd() {
        return runToEvent(Long.MAX_VALUE);
    }

    @Override
    public StopReason runToEvent(long n) {
        return cont(n, false);
    }

    // ---- execution control ------------------------------------------------------------------

    /**
     * Runs until event {@code untilEvent} is complete, or (when honourStops) a breakpoint or
     * watchpoint triggers, or the program ends.
     */
    public StopReason cont(long untilEvent, boolean honourStops) {
        return TracerThread.call(() -> {
            while (true) {
                if (interruptRequested) {
                    interruptRequested = false;
                    throw new InterruptedOperation(s.current);
                }
                refocus();
                if (s.exited) return StopReason.exited(s.current, s.exitDescription);
                if (s.current >= untilEvent) return StopReason.atEvent(s.current);
                Event next = s.events.peek();
                if (next == null) {
                    throw new JrrException("the trace ends after event " + s.current
                            + (s.trace.incomplete() ? " (the recording was interrupted)" : ""));
                }
                LiveTask t = replayer.taskFor(next);
                if (t != s.primary) {
                    replayer.advance(t);
                    continue;
                }
                if (replayer.special(t)) continue;
                // Without breakpoints there is nothing to step over: skip the GETREGS per event.
                if (t.pending == null && !breakpoints.addresses().isEmpty()) {
                    breakpoints.armPending(s.mem);
                    long rip = Ptrace.getRegs(s.pid).rip();
                    if (breakpoints.armed(rip)) {
                        StopReason r = stepOverBreakpoint(rip);
                        if (r.kind() == StopReason.Kind.STEP) {
                            // The step may land on another breakpoint: that counts as hitting it.
                            long after = Ptrace.getRegs(s.pid).rip();
                            if (honourStops && breakpoints.armed(after) && s.current < untilEvent && s.primary.pending == null) {
                                return StopReason.breakpoint(s.current, after);
                            }
                            continue;
                        }
                        if (honourStops || r.kind() == StopReason.Kind.EXITED) return r;
                        continue;
                    }
                }
                StopReason r = classify(replayer.nextStop(t, Ptrace.PTRACE_SYSEMU), false);
                if (r == null && s.signalStop != 0) {
                    int sig = s.signalStop;
                    s.signalStop = 0;
                    if (honourStops) return StopReason.signal(s.current, sig);
                    continue;
                }
                if (r == null) continue;
                if (honourStops || r.kind() == StopReason.Kind.EXITED) return r;
            }
        });
    }

    private volatile boolean interruptRequested;
    /** The recorded tid the debugger follows (-p/-f), 0 for the program's first task. */
    private int focusTid;

    /**
     * Makes the debugger follow another task (a child process, {@code replay -p/-f}): breakpoints,
     * registers, memory and stepping are that task's from the moment it exists; after a checkpoint
     * is restored, the replay switches to it again as soon as it is created.
     */
    public void focus(int recordedTid) {
        TracerThread.call(() -> {
            focusTid = recordedTid;
            refocus();
            return null;
        });
    }

    /** Whether the followed task exists now (it is created later in the recording otherwise). */
    public boolean focused() {
        return focusTid == 0 || s.primary.recordedTid == focusTid;
    }

    private void refocus() {
        if (focusTid == 0 || s.primary.recordedTid == focusTid) return;
        LiveTask t = s.tasks.get(focusTid);
        if (t == null || t.dead) return;
        breakpoints.lift(s.mem);
        s.setPrimary(t);
        breakpoints.markLifted();
        breakpoints.insert(s.mem);
        watchpoints.apply(s.pid);
    }

    /**
     * Asks a running {@link #cont} (from any thread) to stop at its next safe point, between two
     * stops of the program; it then throws {@link InterruptedOperation}.
     */
    public void interrupt() {
        interruptRequested = true;
    }

    /** Forgets an interrupt that came when nothing was running. */
    public void clearInterrupt() {
        interruptRequested = false;
    }

    /** Executes one instruction (a syscall or trapped instruction completes its event). */
    public StopReason stepInstruction() {
        return TracerThread.call(() -> {
            if (s.exited) return StopReason.exited(s.current, s.exitDescription);
            long rip = Ptrace.getRegs(s.pid).rip();
            if (breakpoints.armed(rip)) return stepOverBreakpoint(rip);
            return stepOnce();
        });
    }

    private StopReason stepOverBreakpoint(long rip) {
        breakpoints.remove(rip, s.mem);
        try {
            return stepOnce();
        } finally {
            if (!s.exited) breakpoints.add(rip, s.mem);
            else breakpoints.addLifted(rip);
        }
    }

    private StopReason stepOnce() {
        runOthersUntilPrimaryTurn();
        if (s.exited) return StopReason.exited(s.current, s.exitDescription);
        if (s.primary.pending != null) {
            // the primary is stopped at its next event: completing that event is its next step
            StopReason r = classify(replayer.nextStop(s.primary, Ptrace.PTRACE_SYSEMU_SINGLESTEP), true);
            return r == null ? StopReason.step(s.current) : r;
        }
        Ptrace.resume(Ptrace.PTRACE_SYSEMU_SINGLESTEP, s.pid, s.primary.deliver);
        s.primary.deliver = 0;
        WaitStatus ws = Ptrace.waitFor(s.pid);
        Event next = s.events.peek();
        if (ws.syscallStop() && next != null && next.tid() != s.primary.recordedTid) {
            s.primary.pending = ws; // reached its next syscall, but other tasks' events come first
            runOthersUntilPrimaryTurn();
            StopReason r = classify(replayer.nextStop(s.primary, Ptrace.PTRACE_SYSEMU), true);
            return r == null ? StopReason.step(s.current) : r;
        }
        StopReason r = classify(ws, true);
        s.signalStop = 0; // a step that meets a signal stops anyway
        return r == null ? StopReason.step(s.current) : r;
    }

    /** Replays other tasks' events until the next event is the primary task's (or the end). */
    private void runOthersUntilPrimaryTurn() {
        while (!s.exited) {
            Event next = s.events.peek();
            if (next == null || next.tid() == s.primary.recordedTid) return;
            replayer.advance(replayer.taskFor(next));
        }
    }

    /** Turns a wait status into a stop for the caller, or null when the stop was an event handled here. */
    private StopReason classify(WaitStatus ws, boolean stepping) {
        if (ws.exited() || ws.signaled()) {
            replayer.handleStop(s.primary, ws);
            return s.exited ? StopReason.exited(s.current, s.exitDescription) : null;
        }
        if (ws.stopped() && ws.event() == 0 && ws.stopSig() == 5) {
            byte[] info = Ptrace.getSigInfo(s.pid);
            int code = Signals.siginfoCode(info);
            long rip = Ptrace.getRegs(s.pid).rip();
            if (code == SI_KERNEL && breakpoints.armed(rip - 1)) {
                Ptrace.setRegs(s.pid, Ptrace.getRegs(s.pid).with(Registers.RIP, rip - 1));
                return StopReason.breakpoint(s.current, rip - 1);
            }
            if (code == TRAP_HWBKPT || (code == TRAP_TRACE && stepping)) {
                int slot = watchpoints.triggered(s.pid);
                if (slot >= 0) return StopReason.watchpoint(s.current, slot, watchpoints.address(slot));
                return stepping ? StopReason.step(s.current) : null;
            }
            if (code == TRAP_TRACE) return null; // a leftover single-step trap
        }
        replayer.handleStop(s.primary, ws);
        if (s.exited) return StopReason.exited(s.current, s.exitDescription);
        return null;
    }

    // ---- breakpoints and watchpoints ---------------------------------------------------------

    public void addBreakpoint(long addr) {
        TracerThread.call(() -> {
            breakpoints.insert(s.mem);
            breakpoints.add(addr, s.mem);
            return null;
        });
    }

    public void removeBreakpoint(long addr) {
        TracerThread.call(() -> {
            breakpoints.remove(addr, s.mem);
            return null;
        });
    }

    public Set<Long> breakpointAddresses() {
        return Set.copyOf(breakpoints.addresses());
    }

    /** Arms a hardware watchpoint; returns its slot (0..3). */
    public int addWatchpoint(long addr, int len, boolean includeReads) {
        return TracerThread.call(() -> {
            int slot = watchpoints.set(addr, len, includeReads ? Watchpoints.Kind.ACCESS : Watchpoints.Kind.WRITE);
            watchpoints.apply(s.pid);
            return slot;
        });
    }

    /** Arms a hardware execution breakpoint (no int3 in memory); returns its slot. */
    public int addHardwareBreakpoint(long addr) {
        return TracerThread.call(() -> {
            int slot = watchpoints.set(addr, 1, Watchpoints.Kind.EXECUTE);
            watchpoints.apply(s.pid);
            return slot;
        });
    }

    public void removeWatchpoint(int slot) {
        TracerThread.call(() -> {
            watchpoints.clear(slot);
            watchpoints.apply(s.pid);
            return null;
        });
    }

    // ---- checkpoints ------------------------------------------------------------------------

    /** Forks a checkpoint of the live process at its current state. */
    public Checkpoint checkpoint() {
        return TracerThread.call(() -> {
            if (s.exited) throw new JrrException("the program has ended; there is nothing to checkpoint");
            long alive = s.tasks.values().stream().filter(x -> !x.dead).count();
            if (alive > 1 || s.primary.pending != null) {
                throw new JrrException("checkpoints of a program with more than one task are not supported yet");
            }
            breakpoints.lift(s.mem);
            int child;
            try {
                child = SyscallInjector.fork(s.pid, s.mem);
            } finally {
                breakpoints.insert(s.mem);
            }
            Checkpoint cp = new Checkpoint(child, s.current, s.primary.deliver, s.primary.recordedTid);
            checkpoints.add(cp);
            return cp;
        });
    }

    /** Makes a fresh fork of cp the live process; the old live process is killed. */
    public void restore(Checkpoint cp) {
        TracerThread.call(() -> {
            if (!checkpoints.contains(cp)) throw new JrrException("checkpoint of event " + cp.event() + " was discarded");
            int child;
            try (TraceeMemory cpMem = new TraceeMemory(cp.pid())) {
                child = SyscallInjector.fork(cp.pid(), cpMem);
            }
            killAll();
            for (LiveTask t : s.tasks.values()) t.proc.mem.close();
            s.tasks.clear();
            LiveTask primary = new LiveTask(cp.recordedTid(), child, new LiveTask.Proc(child));
            s.tasks.put(cp.recordedTid(), primary);
            s.setPrimary(primary);
            s.current = cp.event();
            primary.deliver = cp.deliver();
            s.exited = false;
            s.exitDescription = "";
            s.seekEvents(cp.event());
            breakpoints.markLifted();
            breakpoints.insert(s.mem);
            watchpoints.apply(s.pid);
            if (primary.deliver == 0) replayer.raiseBoundarySignal(); // pending signals are not inherited by fork
            return null;
        });
    }

    public void discard(Checkpoint cp) {
        TracerThread.call(() -> {
            if (checkpoints.remove(cp)) Ptrace.killAndReap(cp.pid());
            return null;
        });
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
    }
}
