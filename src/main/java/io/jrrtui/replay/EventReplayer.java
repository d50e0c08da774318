package io.jrrtui.replay;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Signals;
import io.jrrtui.arch.Syscalls;
import io.jrrtui.arch.TrappedInstruction;
import io.jrrtui.record.Disposition;
import io.jrrtui.record.Recorder;
import io.jrrtui.record.SharedFileMaps;
import io.jrrtui.record.SyscallTable;
import io.jrrtui.record.UntracedClones;
import io.jrrtui.sys.ProcMaps;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.SyscallInjector;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.sys.WaitStatus;
import io.jrrtui.trace.CpuidEvent;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.ExecEvent;
import io.jrrtui.trace.ExitEvent;
import io.jrrtui.trace.MemoryWrite;
import io.jrrtui.trace.RdtscEvent;
import io.jrrtui.trace.SignalEvent;
import io.jrrtui.trace.SyscallEvent;
import io.jrrtui.trace.TraceFormat;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Matches each stop of a replaying task with the next recorded event and makes it come out as
 * recorded: injects emulated syscall results and memory writes (one PTRACE_SYSEMU stop), runs
 * address-space, signal-state, clone/fork and exec calls for real (with the recorded ids injected),
 * emulates trapped rdtsc/cpuid, delivers signals. Tasks run one at a time, in the recorded order.
 * Any difference is a {@link DivergenceException}.
 */
final class EventReplayer {
    private static final int MAP_FIXED_NOREPLACE = 0x100000, MAP_FIXED = 0x10, MAP_ANONYMOUS = 0x20, MAP_PRIVATE = 0x02, MAP_SHARED = 0x01, MAP_TYPE = 0x03;
    private static final int MREMAP_MAYMOVE = 1, MREMAP_FIXED = 2;
    private static final long ARCH_SET_CPUID = 0x1012;
    private static final int SYS_ARCH_PRCTL = 158, SYS_EXIT = 60, SYS_EXIT_GROUP = 231, SYS_VFORK = 58,
            SYS_SET_ROBUST_LIST = 273,
            SYS_CLONE = 56, SYS_EXECVEAT = 322, SYS_MMAP = 9, SYS_MPROTECT = 10, SYS_SHMAT = 30;
    private static final long CLONE_VFORK = 0x4000, CLONE_THREAD = 0x10000, CLONE_CHILD_SETTID = 0x01000000L,
            CLONE_CHILD_CLEARTID = 0x00200000L;

    private final TraceeState s;

    EventReplayer(TraceeState s) {
        this.s = s;
    }

    /** The task the next event belongs to. */
    LiveTask taskFor(Event e) {
        LiveTask t = s.tasks.get(e.tid());
        if (t == null || t.dead) {
            throw new DivergenceException(e.number(), "the recording continues with task " + e.tid()
                    + ", which does not exist in the replay (" + e.describe() + ")");
        }
        return t;
    }

    /** Runs task t (not the debugger's) to its next stop and handles it. */
    void advance(LiveTask t) {
        if (special(t) || lostFault(t)) return;
        handleStop(t, nextStop(t, Ptrace.PTRACE_SYSEMU));
    }

    /**
     * If t's next event is a SIGBUS that replay cannot fault by itself ({@link LostFaults}): runs t
     * to its point and has the signal delivered there; true when the event is done. False with
     * another stop left pending, or when the event is not such a fault.
     */
    boolean lostFault(LiveTask t) {
        if (!LostFaults.applies(t, s.events.peek())) return false;
        SignalEvent se = (SignalEvent) s.events.peek();
        if (!LostFaults.reach(t, se)) return false;
        s.events.next();
        if (t.proc == s.primary.proc && stopsDebugger(se.signo())) {
            s.signalStop = se.signo();
            s.signalTask = t;
        }
        finishEvent(se.number());
        return true;
    }

    /**
     * Before a single step of t: if t stands, in a trap stop, at the point of a SIGBUS replay cannot
     * fault by itself ({@link LostFaults}), the step delivers it (its siginfo set, the event done).
     */
    void faultHere(LiveTask t) {
        if (!LostFaults.applies(t, s.events.peek())) return;
        SignalEvent se = (SignalEvent) s.events.peek();
        if (!samePoint(Ptrace.getRegs(t.tid), se.regs()) || !LostFaults.inTrapStop(t)) return;
        Ptrace.setSigInfo(t.tid, se.siginfo());
        t.deliver = se.signo();
        s.events.next();
        finishEvent(se.number());
    }

    /** The preemption point pe has been reached (or the task was put there): the event is done. */
    void finishPreemption(io.jrrtui.trace.PreemptEvent pe) {
        LiveTask t = s.tasks.get(pe.tid());
        if (t != null && !t.dead) BufferedCallsReplay.afterPreemption(t);
        s.events.next();
        finishEvent(pe.number());
    }

    /** Events that are not a stop of their own (a preemption point): handled here; true if so. */
    boolean special(LiveTask t) {
        if (preloadBufferedCalls(t)) return true;
        if (s.events.peek() instanceof io.jrrtui.trace.PreemptEvent pe && pe.tid() == t.recordedTid) {
            reachPreemption(t, pe);
            BufferedCallsReplay.afterPreemption(t);
            s.events.next();
            finishEvent(pe.number());
            return true;
        }
        Event e = s.events.peek();
        if (e != null && e.tid() == t.recordedTid && t.doneAhead.remove(e.number())) {
            s.events.next(); // its call ran at its entry event (executeAhead)
            finishEvent(e.number());
            return true;
        }
        if (t.proc.groupExiting && e != null && e.tid() == t.recordedTid
                && (e instanceof SyscallEvent || e instanceof io.jrrtui.trace.SyscallEntryEvent)) {
            // Another thread's exit_group has started, and in the recording this thread's call
            // completed (or began) before the kill reached it. Replay cannot run it any more (the
            // kill is on its way): the call's output, if any, is what still shows.
            s.events.next();
            if (e instanceof SyscallEvent sc && sc.outputStream() != 0) s.output.write(sc.number(), sc.tid(), sc.outputStream(), sc.output());
            finishEvent(e.number());
            return true;
        }
        if (s.events.peek() instanceof io.jrrtui.trace.SyscallEntryEvent en && en.tid() == t.recordedTid && t.pending != null) {
            s.events.next(); // a restarted syscall's second entry: the task already waits at it
            finishEvent(en.number());
            return true;
        }
        return false;
    }

    /** If t's next event is its buffered calls: into its buffer before it runs (the event is done then). */
    boolean preloadBufferedCalls(LiveTask t) {
        if (!(s.events.peek() instanceof io.jrrtui.trace.BufferedCallsEvent b) || b.tid() != t.recordedTid) return false;
        BufferedCallsReplay.check(t, b.number());
        BufferedCallsReplay.preload(t, b);
        s.events.next();
        finishEvent(b.number());
        return true;
    }

    /** Passes of the switch-out pc tried before putting the task there directly. */
    private static final int MAX_PREEMPT_HITS = 2_000;
    /**
     * Time the search for a preemption point may take before the task is put there. The recorder
     * switched the task out within a timeslice of its switch-in, so replay normally gets there in
     * milliseconds; a task that is still running after this is somewhere it cannot leave alone (a
     * spin loop waiting for a thread the replay runs later) and would otherwise be waited for forever.
     */
    static long preemptSearchNanos() {
        return Long.getLong("jrrtui.replay.preemptionSearchMs", 5_000) * 1_000_000L;
    }
    private static final int DR_SLOT = 3;

    /**
     * Runs t to the point where the recorder switched it out: the first time it is at rip with the
     * recorded registers and memory, found with a hardware execution breakpoint (no step-over
     * needed). When that point is not met within a few thousand passes (a long loop whose
     * registers repeat), the task is put there directly: the recorded writable memory and registers
     * are the whole state its syscall-free stretch produced.
     */
    private void reachPreemption(LiveTask t, io.jrrtui.trace.PreemptEvent pe) {
        if (t.pending != null) {
            throw new DivergenceException(pe.number(), "task " + t.recordedTid + " is in a syscall where the recording has " + pe.describe());
        }
        if (canPutExactly(t, pe)) {
            logPreemption(pe, "put in place at once (exact)");
            putThere(t, pe);
            return;
        }
        if (samePoint(Ptrace.getRegs(t.tid), pe.regs()) && sameMemory(t, pe)) return;
        long oldAddr = Ptrace.getDebugReg(t.tid, DR_SLOT);
        long oldDr7 = Ptrace.getDebugReg(t.tid, 7);
        Ptrace.setDebugReg(t.tid, DR_SLOT, pe.regs().rip());
        Ptrace.setDebugReg(t.tid, 7, (oldDr7 & ~(0xfL << (16 + 4 * DR_SLOT))) | (1L << (2 * DR_SLOT)));
        boolean passed = false;
        try (StopDeadline deadline = StopDeadline.after(t, preemptSearchNanos())) {
            for (int hits = 0; hits < MAX_PREEMPT_HITS && !passed; hits++) {
                Ptrace.resume(Ptrace.PTRACE_SYSEMU, t.tid, t.deliver);
                t.deliver = 0;
                WaitStatus ws = Ptrace.waitFor(t.tid);
                if (deadline.expired(ws)) {
                    logPreemption(pe, "not reached in " + preemptSearchNanos() / 1_000_000 + " ms (" + hits + " passes)");
                    break;
                }
                if (ws.exited() || ws.signaled()) {
                    throw new DivergenceException(pe.number(), "task " + t.recordedTid + " ended before the point where it was switched out (" + ws + ")");
                }
                if (ws.stopped() && ws.stopSig() == Signals.SIGTRAP && !ws.syscallStop()
                        && (Ptrace.getDebugReg(t.tid, 6) & (1L << DR_SLOT)) != 0) {
                    Ptrace.setDebugReg(t.tid, 6, 0);
                    if (samePoint(Ptrace.getRegs(t.tid), pe.regs()) && sameMemory(t, pe)) {
                        logPreemption(pe, "reached after " + hits + " passes");
                        return;
                    }
                    continue;
                }
                // went past it (a syscall, a fault): the state is put back below
                passed = ws.syscallStop() || ws.stopSig() == Signals.SIGSEGV;
            }
        } finally {
            Ptrace.setDebugReg(t.tid, 7, oldDr7);
            Ptrace.setDebugReg(t.tid, DR_SLOT, oldAddr);
        }
        if (passed) logPreemption(pe, "passed by");
        putThere(t, pe);
    }

    /**
     * Whether the process's writable memory is what the recording had at pe. The recorded
     * non-zero runs are compared first (cheap, and enough to pass over most wrong passes); a pass
     * that matches them must also hold zeros wherever the recording had zero pages: a counter
     * that is zero at the recorded point, in a page otherwise zero, was left out of the snapshot.
     */
    static boolean sameMemory(LiveTask t, io.jrrtui.trace.PreemptEvent pe) {
        for (MemoryWrite w : pe.memory()) {
            byte[] now = new byte[w.length()];
            if (t.proc.mem.readPartial(w.addr(), now) != now.length || !java.util.Arrays.equals(now, w.data())) return false;
        }
        return syncMemory(t, pe, false) == 0;
    }

    /**
     * Writes the recorded writable memory (zero where the recording had zero pages), registers and,
     * where recorded, the XSAVE state (not on a machine whose XSAVE layout is another size: then
     * the vector registers keep what the replay had).
     */
    static void putThere(LiveTask t, io.jrrtui.trace.PreemptEvent pe) {
        syncMemory(t, pe, true);
        Ptrace.setRegs(t.tid, pe.regs());
        if (pe.xstate().length > 0 && sameXStateLayout(t, pe)) {
            try {
                Ptrace.setXState(t.tid, pe.xstate());
            } catch (RuntimeException e) {
                // features this CPU does not enable (a recording made elsewhere): the registers stay
            }
        }
    }

    private static boolean sameXStateLayout(LiveTask t, io.jrrtui.trace.PreemptEvent pe) {
        if (xstateSize == 0) {
            try {
                xstateSize = Ptrace.getXState(t.tid).length;
            } catch (RuntimeException e) {
                xstateSize = -1;
            }
        }
        return xstateSize == pe.xstate().length;
    }

    /**
     * The size of this machine's XSAVE image (the same for every task of the kernel), read once:
     * asked at every preemption point (whether it can be put in place, then when it is), it cost
     * two PTRACE_GETREGSET copies of up to 16 KB each. 0: not read yet; -1: none.
     */
    private static int xstateSize;

    /**
     * Whether putting t at pe is exact: the recording holds all of the process's writable memory,
     * its registers and its XSAVE state in this machine's layout. Then nothing is gained by running
     * the stretch to the point when nothing can stop in it (a chaos recording's hot loops need
     * millions of passes that a search gives up on after thousands, ~70 ms each).
     */
    static boolean canPutExactly(LiveTask t, io.jrrtui.trace.PreemptEvent pe) {
        // jrrtui.replay.exactPreemptions=false: always search (to compare, and to test the search)
        return pe.exact() && Boolean.parseBoolean(System.getProperty("jrrtui.replay.exactPreemptions", "true")) && sameXStateLayout(t, pe);
    }

    /**
     * Compares every snapshot region of t's process, page by page, with the recorded memory of pe
     * (zero where the recording left zero pages out) and, if write, puts the recorded bytes where
     * they differ. Returns how many pages differed.
     */
    private static int syncMemory(LiveTask t, io.jrrtui.trace.PreemptEvent pe, boolean write) {
        java.util.TreeMap<Long, MemoryWrite> runs = new java.util.TreeMap<>();
        for (MemoryWrite w : pe.memory()) runs.put(w.addr(), w);
        int differing = 0;
        for (ProcMaps.Region r : ProcMaps.read(t.tid)) {
            if (!io.jrrtui.record.WritableMemory.covered(r)) continue;
            int pages = (int) ((r.end() - r.start()) >>> 12);
            // Pages neither the replay touched nor the recording holds bytes in are zeros on both
            // sides: only the others are read (null: all of them, a file-backed region).
            java.util.BitSet compare = ProcMaps.touchedPages(t.tid, r);
            if (compare != null) {
                for (MemoryWrite w : overlapping(runs, r.start(), r.end())) {
                    long lo = Math.max(w.addr(), r.start()), hi = Math.min(w.addr() + w.length(), r.end());
                    compare.set((int) ((lo - r.start()) >>> 12), (int) ((hi - r.start() + 4095) >>> 12));
                }
            }
            int diff = 0, read = 0;
            for (int i = compare == null ? 0 : compare.nextSetBit(0); i >= 0 && i < pages; ) {
                int j = compare == null ? pages : Math.min(pages, compare.nextClearBit(i));
                long from = r.start() + ((long) i << 12);
                int len = (j - i) << 12;
                byte[] want = new byte[len];
                // runs were cut at the recording's region boundaries, which may differ from these
                for (MemoryWrite w : overlapping(runs, from, from + len)) {
                    long lo = Math.max(w.addr(), from), hi = Math.min(w.addr() + w.length(), from + len);
                    System.arraycopy(w.data(), (int) (lo - w.addr()), want, (int) (lo - from), (int) (hi - lo));
                }
                byte[] have = new byte[len];
                int n = t.proc.mem.readPartial(from, have);
                read += n;
                for (int p = 0; p < n; p += 4096) {
                    int end = Math.min(n, p + 4096);
                    if (!java.util.Arrays.equals(have, p, end, want, p, end)) {
                        if (!write) return differing + 1;
                        t.proc.mem.write(from + p, want, p, end - p);
                        diff++;
                    }
                }
                if (n < len) break; // unreadable from here on
                i = compare == null ? -1 : compare.nextSetBit(j);
            }
            differing += diff;
            if (VERBOSE) System.err.printf("teleport: %x-%x %s %s read %d/%d, %d pages differ%n", r.start(), r.end(), r.perms(), r.path(), read,
                    r.end() - r.start(), diff);
        }
        return differing;
    }

    /** The recorded runs that overlap [from, to), in address order. */
    private static java.util.Collection<MemoryWrite> overlapping(java.util.TreeMap<Long, MemoryWrite> runs, long from, long to) {
        Long first = runs.floorKey(from);
        java.util.List<MemoryWrite> out = new java.util.ArrayList<>();
        for (MemoryWrite w : runs.tailMap(first == null ? from : first, true).values()) {
            if (w.addr() >= to) break;
            if (w.addr() + w.length() > from) out.add(w);
        }
        return out;
    }

    static boolean samePoint(Registers now, Registers recorded) {
        long flagsMask = ~((1L << 16) | (1L << 8));
        return now.firstDifference(recorded, Registers.EFLAGS, Registers.ORIG_RAX) < 0
                && ((now.get(Registers.EFLAGS) ^ recorded.get(Registers.EFLAGS)) & flagsMask) == 0;
    }

    /** The next stop of t: one already waited for, or a fresh resume. */
    WaitStatus nextStop(LiveTask t, int request) {
        if (s.events.peek() instanceof ExitEvent ex && ex.tid() == t.recordedTid && ex.signaled() && ex.code() == 9) {
            // killed by SIGKILL (sent by itself or another task through an emulated kill): no stop
            // precedes it, so the replay sends it now
            Ptrace.kill(t.tid, 9);
            t.pending = null;
            return Ptrace.waitForDeath(t.tid);
        }
        if (t.proc.groupExiting && s.events.peek() instanceof ExitEvent ex && ex.tid() == t.recordedTid) {
            // Another thread's exit_group ends it. Resumed, it would run on before the kill lands:
            // it stays in its stop, which the group's SIGKILL ends.
            t.pending = null;
            WaitStatus ws;
            do {
                ws = Ptrace.waitFor(t.tid);
            } while (!ws.exited() && !ws.signaled());
            return ws;
        }
        if (t.pending != null) {
            WaitStatus ws = t.pending;
            t.pending = null;
            return ws;
        }
        boolean pausable = request == Ptrace.PTRACE_SYSEMU && s.pause.enabled();
        if (pausable) s.pause.beforeResume(t);
        Ptrace.resume(request, t.tid, t.deliver);
        t.deliver = 0;
        return pausable ? s.pause.waitFor(t) : Ptrace.waitFor(t.tid);
    }

    private static final boolean VERBOSE = System.getenv("JRR_VERBOSE_REPLAY") != null;
    private static final boolean LOG_PREEMPTIONS = VERBOSE || System.getenv("JRR_LOG_PREEMPTIONS") != null;

    /** JRR_LOG_PREEMPTIONS=1: how each preemption point was met (a diagnostic for slow or stuck searches). */
    static void logPreemption(io.jrrtui.trace.PreemptEvent pe, String how) {
        if (LOG_PREEMPTIONS) System.err.println("replay: event " + pe.number() + " (task " + pe.tid() + " at 0x" + Long.toHexString(pe.regs().rip()) + "): " + how);
    }

    void handleStop(LiveTask t, WaitStatus ws) {
        long n = s.current + 1;
        if (VERBOSE) System.err.println("replay: event " + n + " task " + t.recordedTid + "/" + t.tid + " stop " + ws + " expecting " + describe(s.events.peek()));
        if (ws.exited() || ws.signaled()) {
            onDeath(t, ws, n);
            return;
        }
        // A signal stop is checked only when it is the next event (replaySignal): a signal the
        // kernel sends on replay by itself (a replayed child's SIGCHLD) may stop the task before
        // it made its buffered calls, and is dropped.
        boolean signalStop = !ws.syscallStop() && ws.stopped() && ws.event() == 0;
        if (!signalStop) BufferedCallsReplay.check(t, n);
        if (ws.syscallStop()) {
            Event expected = s.events.next();
            Registers regs = Ptrace.getRegs(t.tid);
            if (expected instanceof io.jrrtui.trace.SyscallEntryEvent en && en.tid() == t.recordedTid) {
                if (regs.origRax() != en.regs().origRax()) {
                    throw new DivergenceException(n, "task " + t.recordedTid + " entered " + Syscalls.name(regs.origRax())
                            + " where the recording has " + en.describe());
                }
                if (!executeAhead(t, regs, n)) t.pending = ws; // the syscall's result is a later event
                finishEvent(n);
                return;
            }
            if (expected instanceof ExitEvent ex && ex.tid() == t.recordedTid && isExit(regs.origRax())) {
                exitForReal(t, regs, ex, n);
                finishEvent(n);
                return;
            }
            if (!(expected instanceof SyscallEvent sc) || sc.tid() != t.recordedTid) {
                throw new DivergenceException(n, "task " + t.recordedTid + " made syscall " + Syscalls.name(regs.origRax())
                        + " where the recording has " + describe(expected));
            }
            checkRegisters(n, sc, regs);
            replaySyscall(t, sc, regs, n);
            finishEvent(s.current + 1);
        } else if (ws.stopped() && ws.event() == 0) {
            if (replaySignal(t, ws.stopSig(), n)) finishEvent(n);
        } else {
            throw new DivergenceException(n, "unexpected stop " + ws + " of task " + t.recordedTid + " where the recording has "
                    + describe(s.events.peek()));
        }
    }

    /** Event n is done: move on and raise the signal of the next event if it is a boundary signal. */
    private void finishEvent(long n) {
        s.current = n;
        raiseBoundarySignal();
        if (s.events.peek() == null) endOfRecording();
    }

    private void onDeath(LiveTask t, WaitStatus ws, long n) {
        t.dead = true;
        t.proc.liveTasks--;
        if (t == s.primary) s.selectSurvivor(); // the debugger must not go on reading a reaped thread
        if (t.exiting) return; // its event was its exit syscall
        Event expected = s.events.next();
        if (!(expected instanceof ExitEvent exit) || exit.tid() != t.recordedTid) {
            throw new DivergenceException(n, "task " + t.recordedTid + " ended (" + ws + ") where the recording has " + describe(expected));
        }
        boolean same = exit.signaled() == ws.signaled() && exit.code() == (ws.signaled() ? ws.termSig() : ws.exitCode());
        if (!same) throw new DivergenceException(n, "task " + t.recordedTid + " ended with " + ws + ", recorded " + exit.describe());
        finishEvent(n);
    }

    private void endOfRecording() {
        // An interrupted recording (recorder killed, disk full) ends with the program still running:
        // the session reports the end of the trace, not an exit the recording never saw.
        if (s.trace.incomplete()) return;
        // the other threads first: the kernel reports a leader only after they are reaped
        for (boolean leaders : new boolean[] {false, true}) {
            for (LiveTask t : s.tasks.values()) {
                if (t.exiting && !t.dead && (t.tid == t.proc.tgid) == leaders) {
                    WaitStatus ws = Ptrace.waitFor(t.tid);
                    if (ws.exited() || ws.signaled()) t.dead = true;
                }
            }
        }
        s.exited = true;
        s.exitDescription = s.trace.info().endReason();
    }

    static boolean isExit(long nr) {
        return nr == SYS_EXIT || nr == SYS_EXIT_GROUP;
    }

    /** exit/exit_group: the recording has the event at its entry; run it for real. */
    private void exitForReal(LiveTask t, Registers regs, ExitEvent ex, long n) {
        if ((regs.arg(0) & 0xff) != ex.code()) {
            throw new DivergenceException(n, "task " + t.recordedTid + " exits with " + (regs.arg(0) & 0xff) + ", recorded " + ex.code());
        }
        // The recorded kernel marked the robust futexes the thread held by its (recorded) tid; the
        // replay's kernel cannot, it knows the thread by another tid.
        if (regs.origRax() == SYS_EXIT) RobustFutexes.ownerDied(t.proc.mem, t.robustHead, t.recordedTid);
        Ptrace.setRegs(t.tid, regs.with(Registers.RIP, regs.rip() - 2).with(Registers.RAX, regs.origRax()));
        // A thread group's leader that leaves by exit while other threads run stays a zombie the
        // kernel reports only after the last of them: waiting for it now would wait for ever.
        boolean leaderLeavesOthers = t.tid == t.proc.tgid && t.proc.liveTasks > 1;
        boolean alone = regs.origRax() == SYS_EXIT && !leaderLeavesOthers || t.proc.liveTasks == 1;
        if (regs.origRax() == SYS_EXIT_GROUP) {
            t.proc.groupExiting = true;
            for (LiveTask o : s.tasks.values()) if (o.proc == t.proc && o != t && !o.dead) o.pending = null;
        }
        Ptrace.resume(Ptrace.PTRACE_CONT, t.tid, 0);
        t.exiting = true;
        if (!alone) return;
        WaitStatus ws = Ptrace.waitForDeath(t.tid);
        t.dead = true;
        t.proc.liveTasks--;
        if (t == s.primary) s.selectSurvivor(); // as onDeath: a thread that leaves alone is reaped here
        if (ws.exitCode() != ex.code() && !ws.signaled()) {
            throw new DivergenceException(n, "task " + t.recordedTid + " ended with " + ws + ", recorded " + ex.describe());
        }
    }

    static String describe(Event e) {
        return e == null ? "no more events" : e.describe();
    }

    void checkRegisters(long n, SyscallEvent sc, Registers regs) {
        if (regs.origRax() != sc.syscall()) {
            throw new DivergenceException(n, "the program made syscall " + Syscalls.name(regs.origRax())
                    + " where the recording has " + sc.name());
        }
        int diff = regs.firstDifference(sc.regs(), Registers.EFLAGS, Registers.R11);
        if (diff >= 0) {
            throw new DivergenceException(n, String.format("at syscall %s register %s is 0x%x, recorded 0x%x", sc.name(),
                    Registers.NAMES.get(diff), regs.get(diff), sc.regs().get(diff)));
        }
    }

    private void replaySyscall(LiveTask t, SyscallEvent sc, Registers regs, long n) {
        long result = sc.result();
        boolean failed = result < 0 && result > -4096;
        boolean dispatch = sc.syscall() == SYS_PRCTL && regs.arg(0) == Signals.PR_SET_SYSCALL_USER_DISPATCH && !failed;
        // Syscall User Dispatch runs for real: the kernel then raises its SIGSYS at the same syscalls
        // as when recording (they are in the recording as faults, see Signals.isSynchronous)
        Disposition d = dispatch ? Disposition.EXECUTE : SyscallTable.disposition(sc.syscall());
        if (dispatch) t.userDispatch = regs.arg(1) != 0;
        if (sc.syscall() == SYS_SET_ROBUST_LIST && result == 0) t.robustHead = regs.arg(0);
        switch (d) {
            case EXECUTE -> {
                if (sc.syscall() == SYS_SHMAT) {
                    attachSegment(t, sc, regs, n);
                } else {
                    if (sc.name().equals("rt_sigsuspend")) raiseSignalForSuspend(t); // it returns only once the signal is there
                    executeForReal(t, sc, regs, regs);
                }
            }
            case MMAP -> {
                if (failed) {
                    emulate(t, sc, regs);
                } else {
                    int flags = (int) regs.arg(3);
                    // Shared anonymous memory stays shared: a forked child's writes must show in the
                    // parent (checkpoints are refused while the process has such memory). Everything
                    // else is private: one process sees no difference.
                    boolean sharedAnonymous = (flags & MAP_TYPE) != MAP_PRIVATE && (flags & MAP_ANONYMOUS) != 0;
                    Object file = sc.syscall() == SYS_MMAP && SharedFileMaps.isSharedFileMap(flags) ? s.sharedFileKey(sc.number()) : null;
                    boolean sharedFile = file != null && s.writtenThroughMappings(file);
                    if (sharedAnonymous || sharedFile) t.proc.sharedMemory = true;
                    long type = sharedAnonymous || sharedFile ? MAP_SHARED : MAP_PRIVATE;
                    long f = (flags & ~MAP_TYPE) | type | MAP_FIXED | ((flags & MAP_ANONYMOUS) != 0 ? 0 : MAP_ANONYMOUS);
                    Registers real = regs.withArg(0, result).withArg(3, f);
                    if ((flags & MAP_ANONYMOUS) == 0) real = real.withArg(4, -1).withArg(5, 0);
                    if (sharedFile) {
                        // made as private anonymous memory first, then replaced by the file's
                        // stand-in (injected calls need the call's exit stop)
                        executeForReal(t, sc, regs, real.withArg(3, f & ~MAP_TYPE | MAP_PRIVATE), false);
                        mapFileObject(t, s.sharedFileObjects.forFile(file, regs.arg(5) + pageUp(regs.arg(1))), regs, result, n);
                        applyWrites(t, sc);
                    } else {
                        executeForReal(t, sc, regs, real);
                    }
                }
            }
            case SPAWN -> {
                if (failed) emulate(t, sc, regs);
                else spawnForReal(t, sc, regs);
            }
            case EXEC -> {
                if (failed) emulate(t, sc, regs);
                else execForReal(t, sc, regs, n, execEventAfter(t, sc, n));
            }
            default -> emulate(t, sc, regs);
        }
        if (sc.outputStream() != 0) s.output.write(n, sc.tid(), sc.outputStream(), sc.output());
        if (Recorder.mapsCode(regs, result)) t.proc.timestamps.scan(t.tid, t.proc.mem);
        if (sc.syscall() == SYS_PRCTL && regs.arg(0) == PR_SET_NAME && result == 0) t.name = cString(t.proc.mem, regs.arg(1), 16);
        if (!failed) s.sysvSegments.follow(sc.syscall(), regs, result);
    }

    private static final long SHM_RDONLY = 010000, SHM_EXEC = 0100000;
    private static final long SYS_OPENAT = 257, SYS_CLOSE = 3, AT_FDCWD = -100, O_RDWR = 2, O_CLOEXEC = 02000000;

    private static long pageUp(long length) {
        return (length + 4095) & ~4095L;
    }

    /**
     * Maps the memory file standing for a shared file over the mapping at addr, at the recorded
     * file offset and protection: the tracee opens it by path (written for a moment below its
     * stack's red zone), maps it, and closes the descriptor again.
     */
    private void mapFileObject(LiveTask t, io.jrrtui.sys.MemoryFile object, Registers regs, long addr, long n) {
        byte[] path = (object.path() + "\0").getBytes(StandardCharsets.UTF_8);
        long where = (Ptrace.getRegs(t.tid).rsp() - 512 - path.length) & ~15L;
        byte[] saved = t.proc.mem.read(where, path.length);
        t.proc.mem.write(where, path);
        long fd;
        try {
            fd = SyscallInjector.inject(t.tid, t.proc.mem, SYS_OPENAT, AT_FDCWD, where, O_RDWR | O_CLOEXEC);
        } finally {
            t.proc.mem.write(where, saved);
        }
        if (fd < 0) throw new JrrException("cannot open the replay's stand-in for a shared file mapping (" + object.path() + "): error " + -fd);
        long at = SyscallInjector.inject(t.tid, t.proc.mem, SYS_MMAP, addr, regs.arg(1), regs.arg(2), MAP_SHARED | MAP_FIXED, fd, regs.arg(5));
        SyscallInjector.inject(t.tid, t.proc.mem, SYS_CLOSE, fd);
        if (at != addr) throw new DivergenceException(n, String.format("mapping a shared file's stand-in at 0x%x returned 0x%x", addr, at));
    }

    /**
     * shmat: the replay's segment for the recorded id is attached for real at the recorded address
     * (the program keeps the recorded id), and the contents the recording saw at the attach are
     * written into it. A process that holds a segment refuses checkpoints (a fork would share it).
     */
    private void attachSegment(LiveTask t, SyscallEvent sc, Registers regs, long n) {
        if (sc.result() < 0 && sc.result() > -4096) {
            emulate(t, sc, regs);
            return;
        }
        MemoryWrite contents = sc.writes().isEmpty() ? null : sc.writes().get(0);
        if (contents == null || contents.addr() != sc.result()) {
            throw new DivergenceException(n, "the recording of shmat holds no contents of the segment");
        }
        io.jrrtui.sys.SysvSegment seg = s.sysvSegments.forRecorded((int) regs.arg(0), contents.length());
        t.proc.sharedMemory = true;
        Registers real = regs.withArg(0, seg.id()).withArg(1, sc.result()).withArg(2, regs.arg(2) & (SHM_RDONLY | SHM_EXEC));
        executeForReal(t, sc, regs, real, false);
        seg.write(0, contents.data());
    }

    private static final int SYS_PRCTL = 157, PR_SET_NAME = 15;

    /** A NUL-terminated string of at most max bytes from the tracee (the thread name the program set). */
    private static String cString(TraceeMemory mem, long addr, int max) {
        byte[] b = new byte[max];
        int n = mem.readPartial(addr, b);
        int len = 0;
        while (len < n && b[len] != 0) len++;
        return new String(b, 0, len, StandardCharsets.UTF_8);
    }

    private void emulate(LiveTask t, SyscallEvent sc, Registers regs) {
        applyWrites(t, sc);
        long r = sc.result();
        boolean restart = r <= -512 && r >= -516; // ERESTARTSYS .. ERESTART_RESTARTBLOCK
        // the task's own next event (other tasks' events may come first)
        Event own = restart || r == -4 ? s.events.find(e -> e.tid() == t.recordedTid, AHEAD_LIMIT) : null;
        if (TemporaryMasks.interrupted(r) && own instanceof SignalEvent se && !se.fault()) {
            TemporaryMasks.Mask mask = TemporaryMasks.of(regs, t.proc.mem);
            if (mask != null) {
                suspendUnder(t, sc, regs, mask, se.signo());
                return;
            }
        }
        if (restart && !(own instanceof SignalEvent)) {
            // Interrupted by a signal another task took: the kernel restarted the call when recording;
            // here no signal comes to this task, so restart it as the kernel would have.
            long nr = r == -516 ? Syscalls.number("restart_syscall") : regs.origRax();
            Ptrace.setRegs(t.tid, regs.with(Registers.RAX, nr).with(Registers.RIP, regs.rip() - 2));
            return;
        }
        Ptrace.setRegs(t.tid, regs.with(Registers.RAX, r));
    }

    /**
     * A wait with its own mask, interrupted by the next event's signal: rt_sigsuspend with that mask
     * and the signal pending returns at once, leaving the kernel to deliver the signal under the
     * wait's mask and to restore the old one afterwards, as the wait did. The program then sees its
     * own arguments and the recorded result.
     */
    private void suspendUnder(LiveTask t, SyscallEvent sc, Registers regs, TemporaryMasks.Mask mask, int signo) {
        if (t.raisedSignal == 0) {
            Ptrace.tgkill(t.proc.tgid, t.tid, signo);
            t.raisedSignal = signo;
        }
        Registers args = regs.with(Registers.ORIG_RAX, Syscalls.number("rt_sigsuspend")).withArg(0, mask.addr()).withArg(1, mask.size());
        reenter(t, sc, regs, args);
        WaitStatus ws = syscallOn(t);
        if (!ws.syscallStop()) throw new DivergenceException(s.current + 1, "waiting for the signal that ended " + sc.name() + " stopped with " + ws);
        Ptrace.setRegs(t.tid, Ptrace.getRegs(t.tid).with(Registers.ORIG_RAX, regs.origRax()).withArg(0, regs.arg(0))
                .withArg(1, regs.arg(1)).with(Registers.RAX, sc.result()));
    }

    /**
     * Resumes t with PTRACE_SYSCALL to its next syscall or ptrace-event stop. Signals the kernel
     * sends on replay by itself meanwhile (SIGCHLD of a replayed child) are dropped, as everywhere
     * in replay: the recording delivers its own copies at their recorded points.
     */
    private static WaitStatus syscallOn(LiveTask t) {
        while (true) {
            Ptrace.resume(Ptrace.PTRACE_SYSCALL, t.tid, 0);
            WaitStatus ws = Ptrace.waitFor(t.tid);
            if (!ws.stopped() || ws.syscallStop() || ws.event() != 0 || Signals.isFaultSignal(ws.stopSig())) return ws;
        }
    }

    private static void applyWrites(LiveTask t, SyscallEvent sc) {
        for (MemoryWrite w : sc.writes()) {
            if (w.length() > 0) writeThrough(t, w.addr(), w.data());
        }
    }

    private static final int PROT_WRITE = 2;

    /**
     * Writes recorded bytes into t's process. /proc/PID/mem cannot write a shared mapping that is
     * not writable (the kernel refuses to force a write into shared pages); such a mapping (a
     * read-only view of a shared file) is made writable for the write and put back.
     */
    private static void writeThrough(LiveTask t, long addr, byte[] data) {
        try {
            t.proc.mem.write(addr, data);
            return;
        } catch (JrrException e) {
            ProcMaps.Region r = ProcMaps.find(t.tid, addr);
            if (r == null || r.perms().length() < 4 || r.perms().charAt(3) != 's' || r.perms().charAt(1) == 'w'
                    || addr + data.length > r.end()) {
                throw e;
            }
            int prot = (r.perms().charAt(0) == 'r' ? 1 : 0) | (r.perms().charAt(2) == 'x' ? 4 : 0);
            SyscallInjector.inject(t.tid, t.proc.mem, SYS_MPROTECT, r.start(), r.end() - r.start(), prot | PROT_WRITE);
            try {
                t.proc.mem.write(addr, data);
            } finally {
                SyscallInjector.inject(t.tid, t.proc.mem, SYS_MPROTECT, r.start(), r.end() - r.start(), prot);
            }
        }
    }

    /**
     * Makes the skipped syscall run: back rip up over the syscall instruction and run it again under
     * PTRACE_SYSCALL with the (possibly adjusted) arguments, up to its real entry stop.
     */
    private void reenter(LiveTask t, SyscallEvent sc, Registers entry, Registers args) {
        Ptrace.setRegs(t.tid, args.with(Registers.RIP, entry.rip() - 2).with(Registers.RAX, args.origRax()));
        // Resuming with PTRACE_SYSCALL first reports the exit of the skipped (emulated) call, at
        // the rewound rip; then the entry of the real one, after the syscall instruction.
        WaitStatus ws;
        do {
            ws = syscallOn(t);
            if (!ws.syscallStop()) throw new DivergenceException(s.current + 1, "re-executing " + sc.name() + " stopped with " + ws);
        } while (Ptrace.getRegs(t.tid).rip() != entry.rip());
    }

    private void executeForReal(LiveTask t, SyscallEvent sc, Registers entry, Registers args) {
        executeForReal(t, sc, entry, args, true);
    }

    /** Runs t's call for real with args; the recorded memory writes are applied only if writes. */
    private void executeForReal(LiveTask t, SyscallEvent sc, Registers entry, Registers args, boolean writes) {
        String name = sc.name();
        if (MAPPING_CALLS.contains(name)) {
            s.mappingsChanged = true;
            s.breakpointsToCheck = true;
        }
        if (name.equals("sigaltstack") && entry.arg(0) != 0) t.ownSignalStack = true; // per thread: see TaskImage
        if (name.equals("mremap") && sc.result() >= 0 && sc.result() != entry.arg(0)) {
            args = args.withArg(3, entry.arg(3) | MREMAP_MAYMOVE | MREMAP_FIXED).withArg(4, sc.result());
        }
        reenter(t, sc, entry, args);
        WaitStatus ws = syscallOn(t);
        if (!ws.syscallStop()) throw new DivergenceException(s.current + 1, "re-executing " + name + " stopped with " + ws);
        Registers after = Ptrace.getRegs(t.tid);
        if (!name.equals("rt_sigreturn") && after.rax() != sc.result()) {
            throw new DivergenceException(s.current + 1, String.format("%s returned 0x%x on replay, recorded 0x%x", name,
                    after.rax(), sc.result()));
        }
        if (!args.equals(entry)) {
            Registers restored = after; // the program must see the arguments it passed, not our adjusted ones
            for (int i = 0; i < 6; i++) restored = restored.withArg(i, entry.arg(i));
            Ptrace.setRegs(t.tid, restored);
        }
        if (writes) applyWrites(t, sc);
    }

    private static final java.util.Set<String> MAPPING_CALLS = java.util.Set.of("mmap", "munmap", "mprotect", "mremap", "brk", "pkey_mprotect",
            "shmat", "shmdt");

    /** clone/clone3/fork/vfork for real: the new task gets the recorded id wherever the program can see it. */
    private void spawnForReal(LiveTask t, SyscallEvent sc, Registers entry) {
        // vfork is replayed as clone(CLONE_VM): the memory is shared as it was, but the parent is
        // not suspended by the kernel — the recorded order already keeps it waiting, and a parent
        // released in the middle of its child's execve must be able to go on before that exec ends.
        boolean clone3 = sc.syscall() == Syscalls.number("clone3");
        boolean isClone = clone3 || sc.syscall() == SYS_CLONE;
        long flags = clone3 ? t.proc.mem.readLong(entry.arg(0)) : isClone ? entry.arg(0) : 0;
        Registers args = entry;
        if (sc.syscall() == SYS_VFORK) {
            args = entry.with(Registers.ORIG_RAX, SYS_CLONE).withArg(0, 0x100 | 17).withArg(1, 0).withArg(2, 0).withArg(3, 0).withArg(4, 0);
        } else if (!clone3 && (flags & (CLONE_VFORK | UntracedClones.CLONE_UNTRACED)) != 0) {
            args = entry.withArg(0, flags & ~(CLONE_VFORK | UntracedClones.CLONE_UNTRACED));
        } else if (clone3 && (flags & (CLONE_VFORK | UntracedClones.CLONE_UNTRACED)) != 0) {
            // as recorded, the new task stays traced (the recorder took CLONE_UNTRACED out too)
            UntracedClones.writeLong(t.proc.mem, entry.arg(0), flags & ~(CLONE_VFORK | UntracedClones.CLONE_UNTRACED));
            t.restoreClone3Flags = flags;
        }
        reenter(t, sc, entry, args);
        WaitStatus ws = syscallOn(t);
        int ev = ws.event();
        if (ev != Ptrace.EVENT_CLONE && ev != Ptrace.EVENT_FORK && ev != Ptrace.EVENT_VFORK) {
            throw new DivergenceException(s.current + 1, sc.name() + " did not create a task on replay (" + ws + ")");
        }
        int childTid = (int) Ptrace.getEventMsg(t.tid);
        boolean thread = (flags & CLONE_THREAD) != 0;
        LiveTask.Proc proc = thread ? t.proc : new LiveTask.Proc(childTid);
        if (!thread) {
            proc.timestamps = t.proc.timestamps.copy();
            proc.sharedMemory = t.proc.sharedMemory;
        }
        LiveTask child = new LiveTask((int) sc.result(), childTid, proc);
        s.tasks.put(child.recordedTid, child);
        WaitStatus first = Ptrace.waitFor(childTid);
        if (!first.stopped()) throw new DivergenceException(s.current + 1, "new task " + childTid + " did not stop: " + first);
        if (args != entry) {
            Registers c = Ptrace.getRegs(childTid); // the child, too, must see the arguments its parent passed
            for (int i = 0; i < 6; i++) c = c.withArg(i, entry.arg(i));
            Ptrace.setRegs(childTid, c.with(Registers.ORIG_RAX, entry.origRax()));
        }
        if ((flags & CLONE_CHILD_CLEARTID) != 0) {
            child.clearChildTid = clone3 ? t.proc.mem.readLong(entry.arg(0) + 16) : entry.arg(3); // a checkpoint re-creates it
        }
        if ((flags & CLONE_CHILD_SETTID) != 0) {
            long ctid = clone3 ? t.proc.mem.readLong(entry.arg(0) + 16) : entry.arg(3);
            if (ctid != 0) proc.mem.write(ctid, intBytes((int) sc.result()));
        }
        t.spawnResult = sc;
        t.spawnEntry = entry;
        finishSpawn(t);
    }

    /** The creator's syscall exit: it sees the recorded child id and the recorded memory writes. */
    private void finishSpawn(LiveTask t) {
        WaitStatus ws = syscallOn(t);
        while (ws.stopped() && !ws.syscallStop()) { // e.g. SIGCHLD of the new child: the kernel's, not the recording's
            Ptrace.resume(Ptrace.PTRACE_SYSCALL, t.tid, 0);
            ws = Ptrace.waitFor(t.tid);
        }
        if (!ws.syscallStop()) throw new DivergenceException(s.current, "task " + t.recordedTid + " stopped with " + ws + " in " + t.spawnResult.name());
        Registers after = Ptrace.getRegs(t.tid);
        for (int i = 0; i < 6; i++) after = after.withArg(i, t.spawnEntry.arg(i)); // the program sees its own arguments
        Ptrace.setRegs(t.tid, after.with(Registers.RAX, t.spawnResult.result()).with(Registers.ORIG_RAX, t.spawnEntry.origRax()));
        if (t.restoreClone3Flags != 0) {
            UntracedClones.writeLong(t.proc.mem, t.spawnEntry.arg(0), t.restoreClone3Flags);
            t.restoreClone3Flags = 0;
        }
        applyWrites(t, t.spawnResult);
    }

    private static byte[] intBytes(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    /** The exec event that follows execve event sc (taken from the stream: it is done with the execve). */
    private ExecEvent execEventAfter(LiveTask t, SyscallEvent sc, long n) {
        s.current = n; // the execve event itself
        Event next = s.events.next();
        if (!(next instanceof ExecEvent ex) || ex.tid() != t.recordedTid) {
            throw new DivergenceException(n + 1, "execve succeeded but the recording has " + describe(next));
        }
        return ex;
    }

    /** Lookahead for the result of a call that runs at its entry event: a few thousand events is plenty. */
    private static final int AHEAD_LIMIT = 100_000;

    /**
     * Runs a call at its entry event when it must act before the other tasks' events that follow
     * it in the recording: an execve (a vfork parent, released during the exec, frees the strings
     * the exec reads) and calls that change the shared address space (another task may already see
     * the change). The result and, for execve, the new program's start are taken from further on
     * in the trace; those events are then only passed over. False when the call waits for its
     * result event as usual.
     */
    private boolean executeAhead(LiveTask t, Registers regs, long n) {
        long nr = regs.origRax();
        Disposition d = SyscallTable.disposition(nr);
        boolean mapping = MAPPING_CALLS.contains(Syscalls.name(nr));
        if (d != Disposition.EXEC && !mapping) return false;
        // An mmap the kernel places (no MAP_FIXED*) is seen by no other task before it returns, and
        // the place it got may have been freed by another task while it ran (a thread trimming its
        // malloc arena); run ahead, it would land there first and lose that part to the munmap.
        if (nr == SYS_MMAP && (regs.arg(3) & (MAP_FIXED | MAP_FIXED_NOREPLACE)) == 0) return false;
        Event found = s.events.find(e -> e.tid() == t.recordedTid, AHEAD_LIMIT);
        if (!(found instanceof SyscallEvent sc) || sc.syscall() != nr) return false;
        long result = sc.result();
        if (result < 0 && result > -4096) return false; // a failed call changes nothing: emulated later
        checkRegisters(sc.number(), sc, regs);
        if (d == Disposition.EXEC) {
            Event start = s.events.find(e -> e.tid() == t.recordedTid && e.number() > sc.number(), AHEAD_LIMIT);
            if (!(start instanceof ExecEvent ex)) return false;
            long now = s.current;
            execForReal(t, sc, regs, sc.number(), ex);
            s.current = now;
            t.doneAhead.add(ex.number());
        } else {
            replaySyscall(t, sc, regs, sc.number());
        }
        t.doneAhead.add(sc.number());
        return true;
    }

    /** execve for real with the trace's copy of the program, then the new program's recorded start. */
    private void execForReal(LiveTask t, SyscallEvent sc, Registers entry, long n, ExecEvent ex) {
        Path copy = s.trace.dir().resolve(TraceFormat.EXE_COPY + "-" + ex.number());
        if (!Files.isRegularFile(copy)) throw new JrrException("trace " + s.trace.dir() + " has lost its copy of " + ex.path());
        io.jrrtui.trace.ProgramDigest.check(copy);
        Registers args = entry;
        if (!sameFile(Path.of(ex.path()), copy)) {
            // The program changed since recording: exec the trace's copy instead. Its path goes just
            // below the stack pointer (the address space is replaced by the exec anyway).
            byte[] path = (copy.toAbsolutePath() + "\0").getBytes(StandardCharsets.UTF_8);
            long where = (entry.rsp() - 512 - path.length) & ~15L; // below the red zone
            t.proc.mem.write(where, path);
            args = sc.syscall() == SYS_EXECVEAT
                    ? entry.withArg(0, -100).withArg(1, where).withArg(4, 0)
                    : entry.withArg(0, where);
        }
        reenter(t, sc, entry, args);
        WaitStatus ws = syscallOn(t);
        if (ws.event() != Ptrace.EVENT_EXEC) {
            String why = ws.syscallStop() ? "returned " + Ptrace.getRegs(t.tid).rax() : ws.toString();
            throw new DivergenceException(n, "execve of " + ex.path() + " failed on replay: " + why);
        }
        ws = syscallOn(t);
        if (!ws.syscallStop()) throw new DivergenceException(n, "unexpected stop after execve: " + ws);
        t.proc.mem.close();
        t.proc.mem = new TraceeMemory(t.proc.tgid);
        if (t == s.primary) s.mem = t.proc.mem;
        restoreExecState(t, ex);
        s.current = ex.number() - 1; // finishEvent marks the exec event done
        s.execs++;
        s.lastExec = t;
    }

    /** Whether the program's file is still byte for byte the copy the trace kept. */
    private static boolean sameFile(Path original, Path copy) {
        try {
            return Files.isRegularFile(original) && Files.size(original) == Files.size(copy) && Files.mismatch(original, copy) == -1;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Writes the recorded initial stack and registers of a new program (after exec). */
    void restoreExecState(LiveTask t, ExecEvent exec) {
        SyscallInjector.inject(t.tid, t.proc.mem, SYS_ARCH_PRCTL, ARCH_SET_CPUID, 0);
        ProcMaps.Region stack = ProcMaps.find(t.tid, exec.stackAddr());
        long top = exec.stackAddr() + exec.stack().length;
        if (stack == null || stack.end() != top) {
            throw new DivergenceException(exec.number(), String.format("the initial stack cannot be placed at 0x%x-0x%x (stack now %s)",
                    exec.stackAddr(), top, stack == null ? "elsewhere" : Long.toHexString(stack.start()) + "-" + Long.toHexString(stack.end())));
        }
        t.proc.mem.write(exec.stackAddr(), exec.stack());
        Ptrace.setRegs(t.tid, exec.regs());
        t.proc.timestamps = new io.jrrtui.record.TimestampPatches();
        t.proc.timestamps.scan(t.tid, t.proc.mem);
    }

    /** A signal stop of t: true when it matched (and consumed) an event; false for a signal to ignore. */
    private boolean replaySignal(LiveTask t, int sig, long n) {
        Registers regs = Ptrace.getRegs(t.tid);
        Event expected = s.events.peek();
        if (sig == Signals.SIGSEGV || sig == Signals.SIGILL) {
            TrappedInstruction insn = t.proc.timestamps.at(regs.rip());
            if (insn == TrappedInstruction.NONE) {
                byte[] code = new byte[3];
                t.proc.mem.readPartial(regs.rip(), code);
                insn = TrappedInstruction.of(code);
            }
            if (insn != TrappedInstruction.NONE) {
                BufferedCallsReplay.check(t, n);
                s.events.next();
                replayTrappedInstruction(t, n, insn, regs, expected);
                return true;
            }
        }
        boolean forThisTask = expected instanceof SignalEvent se && se.tid() == t.recordedTid && se.signo() == sig;
        if (forThisTask && (((SignalEvent) expected).fault() || t.raisedSignal == sig)) {
            BufferedCallsReplay.check(t, n);
            SignalEvent se = (SignalEvent) s.events.next();
            if (!se.fault()) Ptrace.setSigInfo(t.tid, se.siginfo());
            t.raisedSignal = 0;
            t.deliver = sig;
            if (t.proc == s.primary.proc && stopsDebugger(sig)) {
                s.signalStop = sig;
                s.signalTask = t;
            }
            return true;
        }
        byte[] info = Ptrace.getSigInfo(t.tid);
        int code = Signals.siginfoCode(info);
        if (Signals.isSynchronous(sig, code)) {
            BufferedCallsReplay.check(t, n); // a different path that ended in a fault: said as such first
            throw new DivergenceException(n, "task " + t.recordedTid + " received " + Signals.name(sig) + " at 0x"
                    + Long.toHexString(regs.rip()) + " where the recording has " + describe(expected));
        }
        // A signal the kernel sent on replay (SIGCHLD of a replayed child...): the recording
        // delivers its own copy at the recorded point, so this one is dropped.
        t.deliver = 0;
        return false;
    }

    /** gdb's default: stop and print for signals except the routine ones (timers, children, window size). */
    private static boolean stopsDebugger(int sig) {
        return !Signals.quietByDefault(sig);
    }

    private void replayTrappedInstruction(LiveTask t, long n, TrappedInstruction insn, Registers regs, Event expected) {
        if (insn == TrappedInstruction.CPUID && expected instanceof CpuidEvent c && c.rip() == regs.rip()) {
            Ptrace.setRegs(t.tid, Recorder.applyCpuid(regs, new int[] {c.eax(), c.ebx(), c.ecx(), c.edx()}));
        } else if (insn != TrappedInstruction.CPUID && expected instanceof RdtscEvent r && r.rip() == regs.rip()) {
            Ptrace.setRegs(t.tid, Recorder.applyRdtsc(regs, r.value(), r.aux(), insn));
        } else {
            throw new DivergenceException(n, insn.name().toLowerCase() + " at 0x" + Long.toHexString(regs.rip())
                    + " where the recording has " + describe(expected));
        }
    }

    /**
     * rt_sigsuspend runs for real (it swaps the signal mask), so the signal that ended it when
     * recording — this task's next event, perhaps after other tasks' events — must be pending first.
     */
    private void raiseSignalForSuspend(LiveTask t) {
        if (t.raisedSignal != 0) return;
        // the index puts the cursor at the block holding event current + 2: no scan from the start
        io.jrrtui.trace.TraceReader.EventCursor c;
        try {
            c = s.trace.eventsAfter(s.current + 1);
        } catch (io.jrrtui.util.JrrException traceEndsFirst) {
            return; // the trace ends before this task's next event: no signal ended the call in the recording
        }
        try (c) {
            for (Event e = c.next(); e != null; e = c.next()) {
                if (e.tid() != t.recordedTid) continue;
                if (e instanceof SignalEvent se && !se.fault()) {
                    Ptrace.tgkill(t.proc.tgid, t.tid, se.signo());
                    t.raisedSignal = se.signo();
                }
                return;
            }
        }
    }

    /** A signal the recorder delivered right after this event: raise it so it arrives at the same point. */
    void raiseBoundarySignal() {
        if (s.events.peek() instanceof SignalEvent se && !se.fault()) {
            LiveTask t = s.tasks.get(se.tid());
            if (t != null && !t.dead && t.raisedSignal == 0) {
                Ptrace.tgkill(t.proc.tgid, t.tid, se.signo());
                t.raisedSignal = se.signo();
            }
        }
    }
}
