package io.jrrtui.live;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Signals;
import io.jrrtui.sys.ProcMaps;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.PtraceException;
import io.jrrtui.sys.TraceeLauncher;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.sys.TracerThread;
import io.jrrtui.sys.WaitStatus;
import io.jrrtui.target.InterruptRequest;
import io.jrrtui.target.InterruptedOperation;
import io.jrrtui.target.MemoryRegion;
import io.jrrtui.target.StopReason;
import io.jrrtui.target.Target;
import io.jrrtui.target.ThreadState;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A program run live under ptrace, stopped only at int3 breakpoints. All-stop: when one thread
 * hits a breakpoint every other thread is stopped too (SIGSTOP) until the next {@link #cont()},
 * so stepping a thread over a lifted breakpoint cannot let another thread slip past it. The
 * launcher makes rdtsc fault (the recorder needs that); here such faults are emulated with the
 * host's clock. Children the program forks are cleaned of breakpoints and let go.
 *
 * <p>As a {@link Target} it offers the base only (no history, no checkpoints): breakpoints and
 * resuming, threads, registers, memory. It does not single-step or watch memory; those say so.
 */
public final class LiveSession implements Target {
    /** What {@link #cont()} returns when the program has ended. */
    public static final long ENDED = -1;
    private static final int SIGTRAP = 5, SIGSEGV = 11, SIGSTOP = 19, SI_KERNEL = 0x80, PTRACE_DETACH = 17;
    /** A bound on stops taken while stopping the other threads (each thread reports one or two). */
    private static final int MAX_STOP_WAITS = 1000;

    /** A breakpoint hit seen while stopping the other threads, reported by a later {@link #cont()}. */
    private record Hit(int tid, long address) {}

    private final Path executable;
    private final Int3Breakpoints breakpoints = new Int3Breakpoints();
    private final Set<Integer> threads = new LinkedHashSet<>();       // the program's traced threads, leader first
    private final Set<Integer> running = new HashSet<>();
    private final Map<Integer, Integer> pendingSignal = new HashMap<>();
    private final Set<Integer> earlyStops = new HashSet<>();          // new tasks that stopped before their creation event
    private final Set<Integer> stopStillPending = new HashSet<>();    // our SIGSTOP is yet to be reported (then swallowed)
    private final Deque<Hit> queued = new ArrayDeque<>();
    private int pid;
    private int current;
    /** The thread whose registers are shown ({@code thread N}); the thread of each new stop. */
    private int selected;
    /** Thread numbers in the order threads were first seen (gdb's numbering, stable while they live). */
    private final Map<Integer, Integer> threadNumbers = new HashMap<>();
    private final InterruptRequest interrupts = new InterruptRequest();
    private TraceeMemory mem;
    private boolean ended;
    private int exitStatus;

    private LiveSession(Path executable) {
        this.executable = executable;
    }

    /** Starts exe (argv includes argv[0]) stopped at its exec; stdio as given (INHERIT passes ours through). */
    public static LiveSession start(Path exe, List<String> argv, List<String> env, TraceeLauncher.Stdio stdio) {
        Path real;
        try {
            real = exe.toRealPath();
        } catch (IOException e) {
            throw new JrrException("cannot run " + exe + ": " + e.getMessage());
        }
        LiveSession s = new LiveSession(real);
        TracerThread.call(() -> {
            s.pid = TraceeLauncher.launch(real.toString(), argv, env, null, stdio);
            s.current = s.pid;
            s.selected = s.pid;
            s.threads.add(s.pid);
            s.mem = new TraceeMemory(s.pid);
            return null;
        });
        return s;
    }

    /** The program's exit status as a shell reports it (128+N when killed by signal N), once it ended. */
    public int exitStatus() {
        return exitStatus;
    }

    public int pid() {
        return pid;
    }

    /** The thread of the last stop. */
    public int currentThread() {
        return current;
    }

    public Path executable() {
        return executable;
    }

    /** The registers of the selected thread (the thread of the last stop, unless another was selected). */
    @Override
    public Registers registers() {
        return TracerThread.call(() -> Ptrace.getRegs(selected));
    }

    @Override
    public Registers registersOf(int tid) {
        return TracerThread.call(() -> Ptrace.getRegs(threads.contains(tid) ? tid : selected));
    }

    @Override
    public byte[] floatingPointRegisters() {
        return TracerThread.call(() -> {
            byte[] x = Ptrace.getXStateOrNull(selected);
            return x != null && x.length >= 512 ? x : Ptrace.getFpRegs(selected);
        });
    }

    /** Reads exactly len bytes (breakpoint bytes show as the original code) or throws JrrException. */
    @Override
    public byte[] readMemory(long addr, int len) {
        return TracerThread.call(() -> {
            byte[] b = mem.read(addr, len);
            breakpoints.hide(addr, b);
            return b;
        });
    }

    @Override
    public void addBreakpoint(long addr) {
        TracerThread.call(() -> {
            breakpoints.add(mem, addr);
            return null;
        });
    }

    @Override
    public void removeBreakpoint(long addr) {
        TracerThread.call(() -> {
            breakpoints.remove(ended ? null : mem, addr);
            return null;
        });
    }

    /**
     * Runs to the next breakpoint (stepping the current thread over one it stands on) and returns
     * its address, with the thread that hit it current; {@link #ENDED} when the program has ended.
     */
    public long cont() {
        return TracerThread.call(() -> {
            while (!ended) {
                long rip = threads.contains(current) ? Ptrace.getRegs(current).rip() : 0;
                if (breakpoints.contains(rip)) {
                    stepOver(current, rip);
                    if (ended) break;
                    if (threads.contains(current)) {
                        long next = Ptrace.getRegs(current).rip();
                        if (breakpoints.contains(next)) return next;
                    }
                }
                Hit h = queued.poll();
                if (h != null) {
                    if (!threads.contains(h.tid())) continue;
                    current = h.tid();
                    return h.address();
                }
                for (int t : threads) if (running.add(t)) Ptrace.resume(Ptrace.PTRACE_CONT, t, takeSignal(t));
                long hit = waitForHit();
                if (hit != 0) {
                    stopOthers();
                    return hit;
                }
            }
            return ENDED;
        });
    }

    private int takeSignal(int tid) {
        Integer sig = pendingSignal.remove(tid);
        return sig == null ? 0 : sig;
    }

    /** Steps one (stopped) thread over the breakpoint it stands on; the others stay stopped. */
    private void stepOver(int tid, long rip) {
        breakpoints.lift(mem, rip);
        try {
            for (int i = 0; i < MAX_STOP_WAITS; i++) {
                Ptrace.resume(Ptrace.PTRACE_SINGLESTEP, tid, takeSignal(tid));
                WaitStatus ws = Ptrace.waitFor(tid);
                if (ws.stopped() && ws.event() == 0 && ws.stopSig() == SIGTRAP) return;
                // our late SIGSTOP came before the instruction ran: swallow it and step again
                if (ws.stopped() && ws.event() == 0 && ws.stopSig() == SIGSTOP && stopStillPending.remove(tid)) continue;
                stopped(tid, ws, false);
                return;
            }
        } finally {
            if (!ended) breakpoints.plant(mem, rip);
        }
    }

    /** Waits while the threads run; returns a breakpoint address (its thread current), or 0 when the program ended. */
    private long waitForHit() {
        while (!ended) {
            WaitStatus ws = Ptrace.waitFor(-1);
            int t = ws.pid();
            if (!threads.contains(t)) {
                if (ws.stopped()) earlyStops.add(t); // a task whose creation event is still to come
                continue;
            }
            running.remove(t);
            long hit = stopped(t, ws, true);
            if (hit != 0) {
                current = t;
                return hit;
            }
            // t goes on, and so does a thread it just created
            if (!ended) for (int x : threads) if (running.add(x)) Ptrace.resume(Ptrace.PTRACE_CONT, x, takeSignal(x));
        }
        return 0;
    }

    /**
     * Deals with one stop of thread t: returns the breakpoint address it hit (rip moved back onto
     * it), or 0 for anything else (handled: the thread may be resumed).
     */
    private long stopped(int t, WaitStatus ws, boolean swallowOurStop) {
        if (ws.exited() || ws.signaled()) {
            threads.remove(t);
            running.remove(t);
            if (t == pid) exitStatus = ws.exited() ? ws.exitCode() : 128 + ws.termSig();
            if (threads.isEmpty()) ended = true;
            return 0;
        }
        if (!ws.stopped()) return 0;
        if (ws.event() != 0) {
            onEvent(t, ws.event());
            return 0;
        }
        int sig = ws.stopSig();
        if (sig == SIGSTOP && swallowOurStop && stopStillPending.remove(t)) return 0;
        Registers regs = Ptrace.getRegs(t);
        if (sig == SIGTRAP) {
            byte[] info = Ptrace.getSigInfo(t);
            int code = Signals.siginfoCode(info);
            long at = regs.rip() - 1;
            if (code == SI_KERNEL && breakpoints.contains(at)) {
                Ptrace.setRegs(t, regs.with(Registers.RIP, at));
                return at;
            }
            if (code != SI_KERNEL) return 0; // a leftover single-step trap
        } else if (sig == SIGSEGV && RdtscEmulation.emulate(t, mem, regs)) {
            return 0;
        }
        pendingSignal.put(t, sig);
        return 0;
    }

    /** All-stop: stops every other running thread; hits they report meanwhile wait in the queue. */
    private void stopOthers() {
        List<Integer> others = new ArrayList<>(running);
        others.remove((Integer) current);
        for (int t : others) {
            try {
                Ptrace.tgkill(pid, t, SIGSTOP);
            } catch (PtraceException e) {
                // gone already: its exit is reported below
            }
        }
        for (int t : others) {
            for (int i = 0; i < MAX_STOP_WAITS && threads.contains(t); i++) {
                WaitStatus ws = Ptrace.waitFor(t);
                if (ws.stopped() && ws.event() == 0 && ws.stopSig() == SIGSTOP) break;
                long hit = stopped(t, ws, false);
                if (hit != 0) queued.add(new Hit(t, hit));
                if (ws.stopped()) {
                    stopStillPending.add(t); // it stopped for something else first; our SIGSTOP comes later
                    break;
                }
            }
        }
        running.clear();
    }

    private void onEvent(int t, int event) {
        if (event == Ptrace.EVENT_FORK || event == Ptrace.EVENT_VFORK) {
            int child = (int) Ptrace.getEventMsg(t);
            awaitFirstStop(child);
            if (event == Ptrace.EVENT_FORK) {
                try (TraceeMemory cm = new TraceeMemory(child)) {
                    breakpoints.clear(cm);
                }
            }
            Ptrace.resume(PTRACE_DETACH, child, 0);
        } else if (event == Ptrace.EVENT_CLONE) {
            int tid = (int) Ptrace.getEventMsg(t);
            awaitFirstStop(tid);
            threads.add(tid); // stopped; the next resume of all threads starts it
        } else if (event == Ptrace.EVENT_EXEC) {
            throw new JrrException("the program executed another program; live tracing stops there");
        }
    }

    private void awaitFirstStop(int task) {
        if (!earlyStops.remove(task)) Ptrace.waitFor(task);
    }

    // ---- Target -----------------------------------------------------------------------------

    @Override
    public boolean exited() {
        return ended;
    }

    @Override
    public List<MemoryRegion> memoryMap() {
        return TracerThread.call(() -> ProcMaps.read(pid)).stream()
                .map(r -> new MemoryRegion(r.start(), r.end(), r.perms(), r.offset(), r.path())).toList();
    }

    @Override
    public Path currentExecutable() {
        return executable;
    }

    @Override
    public long executableBase() {
        for (MemoryRegion r : memoryMap()) if (r.offset() == 0 && r.path().equals(executable.toString())) return r.start();
        throw new JrrException("the program's executable is not mapped");
    }

    @Override
    public byte[] auxiliaryVector() {
        if (ended) return null;
        try {
            return java.nio.file.Files.readAllBytes(Path.of("/proc/" + pid + "/auxv"));
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public List<ThreadState> threads() {
        return TracerThread.call(() -> {
            List<ThreadState> out = new ArrayList<>();
            for (int t : threads) out.add(threadState(t));
            out.sort(java.util.Comparator.comparingInt(ThreadState::number));
            return out;
        });
    }

    private ThreadState threadState(int tid) {
        int number = threadNumbers.computeIfAbsent(tid, k -> threadNumbers.size() + 1);
        return new ThreadState(number, tid, threadName(tid), tid == selected, false);
    }

    /** The kernel's name of the thread (/proc comm), or the program's file name. */
    private String threadName(int tid) {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/" + pid + "/task/" + tid + "/comm")).strip();
        } catch (IOException e) {
            return executable.getFileName().toString();
        }
    }

    @Override
    public ThreadState selectedThread() {
        return threadState(selected);
    }

    @Override
    public int threadCount() {
        return threads.size();
    }

    @Override
    public ThreadState selectThread(int number) {
        for (int t : threads) {
            if (threadNumbers.computeIfAbsent(t, k -> threadNumbers.size() + 1) == number) {
                selected = t;
                return selectedThread();
            }
        }
        throw new JrrException("Invalid thread ID: " + number);
    }

    @Override
    public boolean selectRecordedThread(int tid) {
        if (!threads.contains(tid)) return false;
        selected = tid;
        return true;
    }

    @Override
    public int positionThread() {
        return current;
    }

    @Override
    public Set<Long> breakpointAddresses() {
        return breakpoints.addresses();
    }

    @Override
    public int addWatchpoint(long addr, int len, boolean includeReads) {
        throw new JrrException("a live run has no watchpoints: record the program and watch in the replay");
    }

    @Override
    public void removeWatchpoint(int slot) {
        throw new JrrException("a live run has no watchpoints");
    }

    /** A running {@link #resume()} asked to stop stops at its next breakpoint (a ptrace wait is not cut short). */
    @Override
    public InterruptRequest interrupts() {
        return interrupts;
    }

    /** Runs to the next breakpoint, or the end; an interrupt asked for meanwhile is reported at that stop. */
    @Override
    public StopReason resume() {
        long at = cont();
        selected = current;
        if (interrupts.take()) {
            throw new InterruptedOperation("Interrupted.");
        }
        return at == ENDED ? StopReason.exited(-1, "exited with status " + exitStatus) : StopReason.breakpoint(-1, at);
    }

    @Override
    public StopReason resumeThread(int tid) {
        while (true) {
            StopReason r = resume();
            if (r.kind() != StopReason.Kind.BREAKPOINT || current == tid || !threads.contains(tid)) return r;
        }
    }

    @Override
    public StopReason stepInstruction() {
        throw new JrrException("a live run does not single-step: record the program and step in the replay");
    }

    @Override
    public <T> T exclusive(Supplier<T> work) {
        return TracerThread.call(work::get);
    }

    @Override
    public void close() {
        TracerThread.call(() -> {
            if (!ended && pid > 0) {
                // A traced thread must be reaped before its group leader's exit can be.
                Ptrace.kill(pid, 9);
                for (int t : threads) if (t != pid) Ptrace.killAndReap(t);
                for (int t : earlyStops) Ptrace.killAndReap(t);
                Ptrace.killAndReap(pid);
            }
            ended = true;
            if (mem != null) mem.close();
            return null;
        });
    }
}
