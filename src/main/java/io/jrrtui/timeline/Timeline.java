package io.jrrtui.timeline;

import io.jrrtui.arch.Registers;
import io.jrrtui.replay.Checkpoint;
import io.jrrtui.replay.ReplaySession;
import io.jrrtui.target.StopReason;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Moves a replay session through time. Owns the checkpoints (one at the start, more added where
 * re-execution got slow) and knows which breakpoints and watchpoints are the user's. Going back
 * means restoring the nearest earlier checkpoint and re-executing forward at native speed.
 */
public final class Timeline implements AutoCloseable {
    /** Re-executing longer than this from a checkpoint makes the destination a new checkpoint. */
    private static final long CHECKPOINT_AFTER_NANOS = 150_000_000L;
    private static final int MAX_CHECKPOINTS = 24;
    /** Bound on single steps for reverse-stepi from the nearest known earlier position. */
    private static final int MAX_REVERSE_STEPS = 300_000;

    private final ReplaySession session;
    private final NavigableMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    private final Set<Long> userBreakpoints = new HashSet<>();
    private final Set<Integer> userWatchSlots = new HashSet<>();

    private final Registers startRegs;
    /**
     * Positions passed in this forward stretch, oldest first (reset by every jump back). When
     * {@code trailIsSteps}, neighbours are exactly one instruction apart, so reverse-stepi is a
     * direct jump to the previous element.
     */
    private final List<Mark> trail = new ArrayList<>();
    private boolean trailIsSteps;

    public Timeline(ReplaySession session) {
        this.session = session;
        this.startRegs = session.registers();
        try {
            checkpoints.put(session.currentEvent(), session.checkpoint());
        } catch (JrrException e) {
            // several tasks live: no checkpoint here; going back re-executes from an earlier one
        }
    }

    public ReplaySession session() {
        return session;
    }

    /** The current position. */
    public Mark now() {
        int tid = session.positionThread();
        return new Mark(session.currentEvent(), session.registersOf(tid), 0, tid);
    }

    /** Registers of the thread a mark belongs to, at the live position. */
    private Registers registersFor(Mark m) {
        return m.tid() == 0 ? session.registers() : session.registersOf(m.tid());
    }

    /** Whether the live position is m: its event, and its thread's registers. */
    private boolean at(Mark m) {
        return session.currentEvent() == m.event() && m.sameState(registersFor(m));
    }

    public boolean atEnd() {
        return session.exited();
    }

    // ---- user breakpoints and watchpoints (applied to whatever process is live) ------------

    public void addBreakpoint(long addr) {
        userBreakpoints.add(addr);
        session.addBreakpoint(addr);
    }

    public void removeBreakpoint(long addr) {
        userBreakpoints.remove(addr);
        session.removeBreakpoint(addr);
    }

    public Set<Long> breakpoints() {
        return Set.copyOf(userBreakpoints);
    }

    public int addWatchpoint(long addr, int len, boolean includeReads) {
        int slot = session.addWatchpoint(addr, len, includeReads);
        userWatchSlots.add(slot);
        return slot;
    }

    public void removeWatchpoint(int slot) {
        userWatchSlots.remove(slot);
        session.removeWatchpoint(slot);
    }

    // ---- forward -------------------------------------------------------------------------

    /** Continues forward to the next user breakpoint or watchpoint hit, or the end. */
    public StopReason continueForward() {
        return session.cont(Long.MAX_VALUE, true);
    }

    /** Continues forward to the next stop of the selected thread (other threads' stops are passed over). */
    public StopReason continueSelectedThread() {
        return session.contThread(Long.MAX_VALUE, session.selectedThread().recordedTid());
    }

    // ---- absolute jumps ---------------------------------------------------------------------

    /** Goes to just after event n (1 = the program's first instruction). */
    public void goToEvent(long n) {
        if (n < 1) throw new JrrException("event numbers start at 1");
        long last = session.eventCount();
        if (last > 0 && n > last) throw new JrrException("the recording has " + last + " events");
        // Forward from anywhere in an earlier interval reaches n; anything else restarts from a checkpoint.
        if (session.exited() || n <= session.currentEvent()) {
            Map.Entry<Long, Checkpoint> cp = checkpoints.floorEntry(n);
            session.restore(cp.getValue());
            resetTrail();
        }
        long start = System.nanoTime();
        StopReason r = session.runToEvent(n);
        if (r.kind() == StopReason.Kind.EVENT && System.nanoTime() - start > CHECKPOINT_AFTER_NANOS) addCheckpointHere();
    }

    private void addCheckpointHere() {
        if (checkpoints.containsKey(session.currentEvent())) return;
        if (checkpoints.size() >= MAX_CHECKPOINTS) {
            // keep the first and the newest; drop the one in the middle of the densest pair
            Long drop = checkpoints.keySet().stream().skip(checkpoints.size() / 2).findFirst().orElseThrow();
            session.discard(checkpoints.remove(drop));
        }
        try {
            checkpoints.put(session.currentEvent(), session.checkpoint());
        } catch (JrrException e) {
            // several tasks live: no checkpoint here; going back re-executes from an earlier one
        }
    }

    /** Records the current position as passed by forward execution (for reverse-stepi anchors). */
    public void noteForwardStop() {
        if (session.exited()) return;
        Mark here = now();
        if (!trail.isEmpty() && trail.get(trail.size() - 1).event() == here.event() && trail.get(trail.size() - 1).sameState(here.regs())) return;
        if (trail.size() > 10_000) trail.subList(0, 5_000).clear();
        trail.add(here);
        trailIsSteps = false;
    }

    private void resetTrail() {
        trail.clear();
        trailIsSteps = false;
    }

    /** Goes to a position seen before (re-executing from the nearest checkpoint). */
    public void goTo(Mark m) {
        Checkpoint cp = checkpoints.floorEntry(m.event()).getValue();
        session.restore(cp);
        resetTrail();
        session.runToEvent(m.event());
        if (at(m)) {
            selectThreadOf(m);
            return;
        }
        boolean temporary = !userBreakpoints.contains(m.rip());
        if (temporary) session.addBreakpoint(m.rip());
        try {
            while (true) {
                StopReason r = session.cont(m.event() + 1, true);
                // A watchpoint trap lands exactly on the instruction after the write: check every stop.
                if (at(m)) {
                    selectThreadOf(m);
                    return;
                }
                if (r.kind() == StopReason.Kind.EVENT || r.kind() == StopReason.Kind.EXITED) {
                    throw new JrrException("cannot find " + m + " again (the replay passed it)");
                }
            }
        } finally {
            if (temporary) session.removeBreakpoint(m.rip());
        }
    }

    private void selectThreadOf(Mark m) {
        if (m.tid() != 0) session.selectRecordedThread(m.tid());
    }

    // ---- reverse --------------------------------------------------------------------------

    /**
     * Goes back to the last user breakpoint hit or watchpoint trigger before now. Searches the
     * interval from the latest checkpoint to now first, then earlier intervals.
     */
    public ReverseResult reverseContinue() {
        return reverseTo(Set.of(), null);
    }

    /**
     * Goes back to the last hit before now of any of extraStops (temporary breakpoints) or the
     * user's stops, accepting only hits the filter accepts (null = all).
     */
    public ReverseResult reverseTo(Set<Long> extraStops, java.util.function.Predicate<Hit> accept) {
        Mark target = session.exited() ? null : now();
        long targetEvent = target == null ? Long.MAX_VALUE : target.event();
        Set<Long> temps = new HashSet<>();
        for (long a : extraStops) if (!userBreakpoints.contains(a)) temps.add(a);
        for (long a : temps) session.addBreakpoint(a);
        try {
            List<Checkpoint> candidates = new ArrayList<>(checkpoints.headMap(targetEvent, true).descendingMap().values());
            for (Checkpoint cp : candidates) {
                session.restore(cp);
                List<Hit> hits = scanTo(target, extraStops, accept);
                if (!hits.isEmpty()) {
                    Hit last = hits.get(hits.size() - 1);
                    goTo(last.mark());
                    return ReverseResult.at(last);
                }
                session.restore(cp);
                target = now();
            }
            goTo(target);
            return ReverseResult.start();
        } finally {
            for (long a : temps) session.removeBreakpoint(a);
        }
    }

    /** Runs from the live position to target (null = the end), collecting the hits on the way. */
    private List<Hit> scanTo(Mark target, Set<Long> extraStops, java.util.function.Predicate<Hit> accept) {
        List<Hit> hits = new ArrayList<>();
        if (target != null && at(target)) return hits;
        // Up to the target's event first: its pc may be in code that is not mapped yet.
        while (target != null && session.currentEvent() < target.event()) {
            StopReason r = session.cont(target.event(), true);
            if (r.kind() == StopReason.Kind.EVENT) break;
            if (r.kind() == StopReason.Kind.EXITED) throw new JrrException("re-execution ended before the current position (" + target + ")");
            collect(r, extraStops, accept, hits);
        }
        if (target != null && target.sameState(registersFor(target))) return hits;
        boolean temporaryTarget = target != null && !session.breakpointAddresses().contains(target.rip());
        if (temporaryTarget) session.addBreakpoint(target.rip());
        try {
            while (true) {
                StopReason r = session.cont(target == null ? Long.MAX_VALUE : target.event() + 1, true);
                switch (r.kind()) {
                    case EXITED, EVENT -> {
                        if (target == null) return hits;
                        throw new JrrException("re-execution passed the current position (" + target + ")");
                    }
                    case BREAKPOINT, WATCHPOINT -> {
                        if (target != null && at(target)) {
                            return hits;
                        }
                        collect(r, extraStops, accept, hits);
                    }
                    case STEP, SIGNAL -> { }
                }
            }
        } finally {
            if (temporaryTarget) session.removeBreakpoint(target.rip());
        }
    }

    private void collect(StopReason r, Set<Long> extraStops, java.util.function.Predicate<Hit> accept, List<Hit> hits) {
        Hit h = null;
        if (r.kind() == StopReason.Kind.BREAKPOINT && (userBreakpoints.contains(r.address()) || extraStops.contains(r.address()))) {
            h = new Hit(Hit.Kind.BREAKPOINT, r.address(), -1, now());
        } else if (r.kind() == StopReason.Kind.WATCHPOINT && userWatchSlots.contains(r.slot())) {
            h = new Hit(Hit.Kind.WATCHPOINT, r.address(), r.slot(), now());
        }
        if (h != null && (accept == null || accept.test(h))) hits.add(h);
    }

    /**
     * Goes back one instruction. Single-steps forward from the nearest earlier known position (the
     * previous stop of this forward stretch, else the last event boundary) and keeps the chain of
     * states, so repeated reverse-stepi is a jump to the previous state of the chain.
     */
    public boolean reverseStepi() {
        Mark target = now();
        if (isProgramStart(target)) return false;
        int at = indexInTrail(target);
        if (at > 0 && trailIsSteps) {
            List<Mark> chain = new ArrayList<>(trail.subList(0, at));
            goTo(chain.get(chain.size() - 1));
            trail.addAll(chain);
            trailIsSteps = true;
            return true;
        }
        Mark anchor = at > 0 ? trail.get(at - 1) : null;
        if (anchor != null) {
            goTo(anchor);
        } else {
            long fromEvent = target.event();
            goToEvent(fromEvent);
            if (target.sameState(registersFor(target))) {
                if (fromEvent <= 1) return false;
                goToEvent(fromEvent - 1); // exactly at the boundary: the previous instruction ends the event before
            }
            selectThreadOf(target); // step the thread the position belongs to
        }
        List<Mark> chain = new ArrayList<>();
        while (true) {
            chain.add(now());
            StopReason r = session.stepInstruction();
            if (r.kind() == StopReason.Kind.EXITED) throw new JrrException("reverse-stepi lost its place: the replay ended");
            if (at(target)) break;
            if (session.currentEvent() > target.event() || chain.size() > MAX_REVERSE_STEPS) {
                goTo(target);
                throw new JrrException("reverse-stepi: the previous instruction is more than " + MAX_REVERSE_STEPS
                        + " instructions after the last stop; use reverse-continue with a breakpoint");
            }
        }
        goTo(chain.get(chain.size() - 1));
        trail.addAll(chain);
        trailIsSteps = true;
        return true;
    }

    private int indexInTrail(Mark m) {
        for (int i = trail.size() - 1; i >= 0; i--) {
            if (trail.get(i).event() == m.event() && trail.get(i).sameState(m.regs())) return i;
        }
        return -1;
    }

    private boolean isProgramStart(Mark m) {
        return m.event() == checkpoints.firstKey() && m.sameState(startRegs);
    }

    /** The position where the replay starts (the program's first instruction). */
    public Mark start() {
        return new Mark(checkpoints.firstKey(), startRegs, 0);
    }

    public List<Long> checkpointEvents() {
        return List.copyOf(checkpoints.keySet());
    }

    /** A checkpoint exactly here (gdb's {@code checkpoint}), restored with {@link #restore}. */
    public Checkpoint userCheckpoint() {
        return session.checkpoint();
    }

    /** Returns to a user checkpoint. */
    public void restore(Checkpoint cp) {
        session.restore(cp);
        resetTrail();
    }

    @Override
    public void close() {
        session.close();
    }
}
