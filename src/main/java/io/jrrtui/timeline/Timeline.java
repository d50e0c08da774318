package io.jrrtui.timeline;

import io.jrrtui.arch.Registers;
import io.jrrtui.target.Checkpoint;
import io.jrrtui.target.Checkpointing;
import io.jrrtui.target.EventHistory;
import io.jrrtui.target.StopReason;
import io.jrrtui.target.Target;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * Moves a target that replays a recording ({@link EventHistory}) and keeps checkpoints
 * ({@link Checkpointing}) through time. Owns the checkpoints (one at the start, more forked as
 * forward execution goes, thinned by {@link CheckpointPolicy}) and knows which breakpoints and
 * watchpoints are the user's. Going back means restoring the nearest earlier checkpoint and
 * re-executing forward at native speed; a reverse search looks at growing intervals back from now.
 */
public final class Timeline implements AutoCloseable {
    /** Bound on single steps for reverse-stepi from the nearest known earlier position. */
    private static final int MAX_REVERSE_STEPS = 300_000;

    private final Target program;
    private final EventHistory history;
    private final Checkpointing travel;
    /** Checkpoints by position: see {@link #key}. */
    private final NavigableMap<Long, Checkpoint> checkpoints = new TreeMap<>();
    /**
     * A checkpoint's position: event * SUB + n, n = 0 at the end of the event, n > 0 for a pause
     * of the long syscall-free stretch that follows it (the k-th pause of a run gets k * PAUSE_GAP;
     * the keys between are for checkpoints a reverse search places between two pauses, see
     * {@link StretchBisection}). Positions inside one stretch are ordered only among checkpoints
     * whose order is known (one forward run made them, or a search proved it), so a pause
     * checkpoint is added only after every other one of its stretch.
     */
    static final long SUB = 1L << 32;
    static final long PAUSE_GAP = 1L << 20;
    /** A native run longer than this, without an event, is paused for a checkpoint inside it (ms: jrrtui.timeline.pauseMs). */
    private final long pauseNanos = Long.getLong("jrrtui.timeline.pauseMs", 50) * 1_000_000L;
    /** The checkpoint the live process was restored from or forked last, with only forward execution since; -1: none known. */
    private long liveBase = -1;

    /**
     * A key for a checkpoint proved to lie after the one at lo and before the one at hi, or -1
     * when none is left. Searches place checkpoints one after another towards an answer (each
     * later than the last), so the key is near lo: a sixteenth of the way, leaving room for many
     * more after it (halving would use up the keys between two pauses in a few steps).
     */
    static long keyBetween(long lo, long hi) {
        long k = lo + Math.max(1, (hi - lo) / 16);
        return k < hi ? k : -1;
    }

    static long key(long event, long n) {
        return event * SUB + n;
    }

    static long eventOf(long key) {
        return key / SUB;
    }

    /** Finds the last hit of a searched interval that holds too many to trap at each. */
    private final StretchBisection bisection = new StretchBisection(this);

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
    /** Forward replay time since the live process left its nearest earlier checkpoint. */
    private long sinceCheckpointNanos;

    /** A timeline over program, which must replay a recording and keep checkpoints (JrrException otherwise). */
    public Timeline(Target program) {
        this.program = program;
        this.history = program.history().orElseThrow(() -> new JrrException("this program has no recorded history to travel in"));
        this.travel = program.checkpointing().orElseThrow(() -> new JrrException("this program cannot go back in time"));
        this.startRegs = program.registers();
        try {
            checkpoints.put(key(history.currentEvent(), 0), travel.checkpoint());
            liveBase = key(history.currentEvent(), 0);
        } catch (JrrException e) {
            // several tasks live: no checkpoint here; going back re-executes from an earlier one
        }
    }

    /** The program the timeline moves. */
    public Target target() {
        return program;
    }

    /** Its recorded history (the position in events). */
    public EventHistory history() {
        return history;
    }

    /** Its checkpoints (for the stretch bisection, which forks and restores its own). */
    Checkpointing travel() {
        return travel;
    }

    /** The current position. */
    public Mark now() {
        int tid = program.positionThread();
        long e = history.currentEvent();
        long base = liveBase > key(e, 0) && liveBase < key(e + 1, 0) && checkpoints.containsKey(liveBase) ? liveBase : -1;
        Registers regs = program.registersOf(tid);
        return new Mark(e, regs, 0, tid, base, StackFrameFingerprint.of(program, regs));
    }

    /** Registers of the thread a mark belongs to, at the live position. */
    private Registers registersFor(Mark m) {
        return m.tid() == 0 ? program.registers() : program.registersOf(m.tid());
    }

    /** Whether the live position is m: its event, and its thread's registers. */
    boolean at(Mark m) {
        return history.currentEvent() == m.event() && matches(m);
    }

    /** Whether m's thread is in m's state now: registers, and the stack frame when m has its fingerprint. */
    private boolean matches(Mark m) {
        Registers r = registersFor(m);
        return m.sameState(r) && (m.frame() == 0 || StackFrameFingerprint.of(program, r) == m.frame());
    }

    public boolean atEnd() {
        return program.exited();
    }

    // ---- user breakpoints and watchpoints (applied to whatever process is live) ------------

    public void addBreakpoint(long addr) {
        userBreakpoints.add(addr);
        program.addBreakpoint(addr);
    }

    public void removeBreakpoint(long addr) {
        userBreakpoints.remove(addr);
        program.removeBreakpoint(addr);
    }

    public Set<Long> breakpoints() {
        return Set.copyOf(userBreakpoints);
    }

    public int addWatchpoint(long addr, int len, boolean includeReads) {
        int slot = program.addWatchpoint(addr, len, includeReads);
        userWatchSlots.add(slot);
        return slot;
    }

    public void removeWatchpoint(int slot) {
        userWatchSlots.remove(slot);
        program.removeWatchpoint(slot);
    }

    // ---- forward -------------------------------------------------------------------------

    /** Continues forward to the next user breakpoint or watchpoint hit, or the end. */
    public StopReason continueForward() {
        return forward(Long.MAX_VALUE, true);
    }

    /** Continues forward to the next user breakpoint or watchpoint hit, or until event until is complete. */
    public StopReason continueForward(long until) {
        return forward(until, true);
    }

    /** See {@link EventHistory#stopAfterExec}: continues also stop just after the debugged process exec'd. */
    public void stopAfterExec(boolean on) {
        history.stopAfterExec(on);
    }

    /** Continues forward to the next stop of the selected thread (other threads' stops are passed over). */
    public StopReason continueSelectedThread() {
        return program.resumeThread(program.selectedThread().recordedTid());
    }

    // ---- absolute jumps ---------------------------------------------------------------------

    /** Goes to just after event n (1 = the program's first instruction). */
    public void goToEvent(long n) {
        if (n < 1) throw new JrrException("event numbers start at 1");
        long last = history.eventCount();
        if (last > 0 && n > last) throw new JrrException("the recording has " + last + " events");
        // Forward from anywhere in an earlier interval reaches n, unless a checkpoint is nearer;
        // anything else restarts from a checkpoint.
        Map.Entry<Long, Checkpoint> cp = checkpoints.floorEntry(key(n, 0));
        if (program.exited() || n <= history.currentEvent() || cp.getKey() > liveKey()) restoreCheckpoint(cp);
        runUnarmed(n);
    }

    /** The latest checkpoint position the live process is known to be at or after. */
    private long liveKey() {
        return Math.max(key(history.currentEvent(), 0), liveBase);
    }

    void restoreCheckpoint(Map.Entry<Long, Checkpoint> cp) {
        travel.restore(cp.getValue());
        liveBase = cp.getKey();
        sinceCheckpointNanos = 0;
        resetTrail();
    }

    /** Runs to just after event n without trapping at the breakpoints and watchpoints on the way. */
    private StopReason runUnarmed(long n) {
        if (history.currentEvent() >= n) return StopReason.atEvent(history.currentEvent());
        travel.armStops(false);
        try {
            return forward(n, false);
        } finally {
            travel.armStops(true);
        }
    }

    /**
     * Runs forward to event until (or, when honourStops, to the first stop), in chunks of events,
     * forking a checkpoint at an event boundary whenever one is due.
     */
    private StopReason forward(long until, boolean honourStops) {
        travel.pauseLongRuns(pauseNanos);
        try {
            while (true) {
                long at = history.currentEvent();
                long chunkEnd = until - at > CheckpointPolicy.CHUNK_EVENTS ? at + CheckpointPolicy.CHUNK_EVENTS : until;
                long t0 = System.nanoTime();
                // back by the time a checkpoint is due as well: a threaded program's few hundred
                // events (timeslice switches) can take seconds, and a chunk of 512 events was then
                // the whole program, without a checkpoint (every interval of a reverse search
                // re-ran mt_racy_counter from its start, 0.5 s each)
                long deadline = t0 + Math.max(CheckpointPolicy.EVERY_NANOS / 8, CheckpointPolicy.EVERY_NANOS - sinceCheckpointNanos);
                StopReason r = history.cont(chunkEnd, honourStops, deadline);
                sinceCheckpointNanos += System.nanoTime() - t0;
                if (r.kind() == StopReason.Kind.PAUSE) {
                    addPauseCheckpoint();
                    continue;
                }
                if (r.kind() != StopReason.Kind.EVENT || r.afterExec()) return r;
                Long floor = checkpoints.floorKey(key(history.currentEvent(), 0));
                if (CheckpointPolicy.due(sinceCheckpointNanos, history.currentEvent() - (floor == null ? 0 : eventOf(floor)))) addCheckpointHere();
                if (history.currentEvent() >= until) return r;
            }
        } finally {
            travel.pauseLongRuns(0);
        }
    }

    /**
     * A checkpoint where a long stretch was paused, after the live base. Only when no checkpoint
     * of this stretch lies beyond the live base: another run's pauses cannot be ordered against
     * this one.
     */
    private void addPauseCheckpoint() {
        long e = history.currentEvent();
        long base = liveKey();
        Long last = checkpoints.lowerKey(key(e + 1, 0));
        if (last != null && last > base) return;
        long here = base - base % PAUSE_GAP + PAUSE_GAP;
        if (here >= key(e + 1, 0)) return;
        addCheckpoint(here);
    }

    private void addCheckpointHere() {
        long here = key(history.currentEvent(), 0);
        if (checkpoints.containsKey(here) || program.exited()) return;
        addCheckpoint(here);
    }

    private void addCheckpoint(long here) {
        try {
            checkpoints.put(here, travel.checkpoint());
        } catch (JrrException e) {
            // not a point a checkpoint can hold (several processes, a thread exiting...): a later one
            return;
        }
        liveBase = here;
        sinceCheckpointNanos = 0;
        keepWithinBounds(here);
    }

    /**
     * After a checkpoint was added at key here: thins them to the count cap and, now and then, to
     * the memory budget. Every checkpoint kept counts, whether forward replay, a bisection's pause
     * or a scan's hit made it (a scan's forks at hits of a threaded program hold as many
     * copy-on-write pages as any other).
     */
    private void keepWithinBounds(long here) {
        discard(CheckpointPolicy.thin(checkpoints.keySet(), here));
        // Reading every checkpoint's memory costs a /proc walk each: the budget is checked now and then.
        if (++checkpointsMade % MEMORY_CHECK_EVERY == 0) {
            discard(CheckpointPolicy.overBudget(checkpoints.keySet(), checkpoints.firstKey(), here,
                    e -> checkpoints.get(e).privateBytes()));
        }
    }

    /**
     * Takes over a checkpoint a reverse search forked inside a stretch, at a key it proved to be in
     * order with the stretch's other checkpoints ({@link StretchBisection}).
     */
    void adoptCheckpoint(long key, Checkpoint cp) {
        checkpoints.put(key, cp);
        keepWithinBounds(key);
    }

    NavigableMap<Long, Checkpoint> checkpointsByKey() {
        return java.util.Collections.unmodifiableNavigableMap(checkpoints);
    }

    private static final int MEMORY_CHECK_EVERY = 16;
    private long checkpointsMade;

    /** The memory the checkpoints hold beyond what they share (private pages), in bytes. */
    public long checkpointMemory() {
        long total = 0;
        for (Checkpoint cp : checkpoints.values()) total += cp.privateBytes();
        return total;
    }

    private void discard(List<Long> events) {
        for (long e : events) travel.discard(checkpoints.remove(e));
    }

    /** Records the current position as passed by forward execution (for reverse-stepi anchors). */
    public void noteForwardStop() {
        if (program.exited()) return;
        Mark here = now();
        if (!trail.isEmpty() && trail.get(trail.size() - 1).event() == here.event() && trail.get(trail.size() - 1).sameState(here.regs())) return;
        if (trail.size() > 10_000) trail.subList(0, 5_000).clear();
        trail.add(here);
        trailIsSteps = false;
    }

    /**
     * Leaves the hit before last (when it is in the same event interval, so the same thread's
     * execution leads from it to last) in the trail as reverse-stepi's anchor: a watch stop is
     * reported before the writing instruction, one reverse-stepi from the hit, and stepping from
     * the previous hit costs the instructions between two hits instead of every instruction since
     * the event's start (a dense loop: the whole loop, up to the reverse-stepi limit).
     */
    private void noteHitBefore(List<Hit> hits, Hit last) {
        if (hits.size() < 2) return;
        Mark prev = hits.get(hits.size() - 2).mark();
        Mark here = last.mark();
        if (prev.event() != here.event() || prev.tid() != here.tid() || prev.sameState(here.regs())) return;
        if (trail.size() > 10_000) trail.subList(0, 5_000).clear();
        trail.add(prev);
        trail.add(here);
        trailIsSteps = false;
    }

    private void resetTrail() {
        trail.clear();
        trailIsSteps = false;
    }

    /**
     * For each checkpoint a scan forked at a hit and adopted: that hit's mark, based as it was
     * before (on the checkpoint the scan left from). Should a re-run from such a checkpoint fail,
     * it is dropped and the position found again from that base, as without it.
     */
    private final Map<Long, Mark> scanForkAt = new java.util.HashMap<>();

    /** The checkpoints scans forked at hits and adopted, by key, with the hit each was made at (its mark based as before). */
    Map<Long, Mark> scanForks() {
        Map<Long, Mark> out = new TreeMap<>();
        for (Map.Entry<Long, Mark> e : scanForkAt.entrySet()) if (checkpoints.containsKey(e.getKey())) out.put(e.getKey(), e.getValue());
        return out;
    }

    /** Makes the checkpoint at key k the live process (it must be kept). */
    void restoreKey(long k) {
        restoreCheckpoint(Map.entry(k, checkpoints.get(k)));
    }

    /** Goes to a position seen before (re-executing from the nearest checkpoint). */
    public void goTo(Mark m) {
        Mark forkedAt = scanForkAt.get(m.base());
        if (forkedAt == null) {
            goToFromBase(m);
            return;
        }
        if (checkpoints.containsKey(m.base())) {
            try {
                goToFromBase(m);
                everyThreadReadable();
                return;
            } catch (JrrException e) {
                if (TRACE) System.err.printf("[timeline] %s not found again from the checkpoint forked at a hit (%s): from the one before%n", m, e.getMessage());
                travel.discard(checkpoints.remove(m.base()));
            }
        }
        goTo(m.basedAt(forkedAt.base()));
    }

    /** Reads every thread's registers: a PtraceException when one is gone or not stopped. */
    private void everyThreadReadable() {
        for (io.jrrtui.target.ThreadState t : program.threads()) program.registersOf(t.recordedTid());
    }

    private void goToFromBase(Mark m) {
        Checkpoint base = m.base() >= 0 ? checkpoints.get(m.base()) : null;
        restoreCheckpoint(base != null ? Map.entry(m.base(), base) : checkpoints.floorEntry(key(m.event(), 0)));
        runUnarmed(m.event());
        if (at(m)) {
            selectThreadOf(m);
            return;
        }
        boolean temporary = !userBreakpoints.contains(m.rip());
        if (temporary) program.addBreakpoint(m.rip());
        try {
            // every pass of the mark's rip traps: one hand-over for all of them, not two per pass
            program.exclusive(() -> {
                while (true) {
                    StopReason r = history.cont(m.event() + 1, true);
                    // A watchpoint trap lands exactly on the instruction after the write: check every stop.
                    if (at(m)) return null;
                    if (r.kind() == StopReason.Kind.EVENT || r.kind() == StopReason.Kind.EXITED) {
                        throw new JrrException("cannot find " + m + " again (the replay passed it)");
                    }
                }
            });
            selectThreadOf(m);
        } finally {
            if (temporary) program.removeBreakpoint(m.rip());
        }
    }

    private void selectThreadOf(Mark m) {
        if (m.tid() != 0) program.selectRecordedThread(m.tid());
    }

    // ---- reverse --------------------------------------------------------------------------

    /**
     * Goes back to the last user breakpoint hit or watchpoint trigger before now. Searches growing
     * intervals back from now (see {@link #reverseTo}).
     */
    public ReverseResult reverseContinue() {
        return reverseTo(Set.of(), null);
    }

    /** The first searched interval ends this many events back; each next one is this much longer. */
    private static final long FIRST_STEP_EVENTS = 1, STEP_GROWTH = 4;

    /**
     * Goes back to the last hit before now of any of extraStops (temporary breakpoints) or the
     * user's stops, accepting only hits the filter accepts (null = all). The search looks at
     * intervals of growing length back from now: from the start of the current event, then from
     * 1, 5, 21... events further back, or from the nearest earlier checkpoint when that is nearer.
     * Each interval is reached with nothing armed (native speed) and searched with the stops
     * armed; the answer is the last hit of the nearest interval that has one, so the cost follows
     * the distance to the answer, not the length of the recording.
     */
    public ReverseResult reverseTo(Set<Long> extraStops, java.util.function.Predicate<Hit> accept) {
        return reverseTo(extraStops, accept, false);
    }

    /**
     * As {@link #reverseTo(Set, java.util.function.Predicate)}; with writeEndingHere, a watch trap
     * of the instruction just before now is a hit too. The debugger wants that: its watch stops
     * going backwards are before the write, so a write that ends exactly here has not been reported
     * (a position reached as a hit of this class, which is after the write, would find it again).
     */
    public ReverseResult reverseTo(Set<Long> extraStops, java.util.function.Predicate<Hit> accept, boolean writeEndingHere) {
        return reverseTo(extraStops, accept, writeEndingHere, 0);
    }

    /**
     * As above, searching no further back than the end of event notBefore (0: no bound): the
     * debugger passes the exec that loaded the program now running, whose breakpoint addresses
     * mean nothing in the program before it (an int3 written there corrupts that program's code).
     * With nothing found after that point, the result is {@link ReverseResult#boundary} standing there.
     */
    public ReverseResult reverseTo(Set<Long> extraStops, java.util.function.Predicate<Hit> accept, boolean writeEndingHere, long notBefore) {
        Mark end = program.exited() ? null : now();
        long from = end == null ? history.currentEvent() - 1 : end.event();
        Set<Long> temps = new HashSet<>();
        for (long a : extraStops) if (!userBreakpoints.contains(a)) temps.add(a);
        for (long a : temps) program.addBreakpoint(a);
        try {
            long first = checkpoints.firstKey();
            boolean bounded = notBefore > 0 && key(notBefore, 0) > first;
            if (bounded) first = key(notBefore, 0);
            if (extraStops.isEmpty() && userBreakpoints.isEmpty() && userWatchSlots.isEmpty()) {
                // nothing armed can be hit: scanning the whole history back would find nothing
                Mark startMark = positionUnarmedAt(first);
                if (startMark != null) {
                    goTo(startMark);
                    return bounded ? ReverseResult.boundary(notBefore) : ReverseResult.start();
                }
            }
            long step = FIRST_STEP_EVENTS;
            long pauseStep = PAUSE_GAP;
            // the first interval starts at the nearest checkpoint before now in the current stretch
            long startKey = key(from, 0);
            if (end != null && end.base() > startKey) startKey = end.base();
            if (end == null) {
                Long last = checkpoints.lowerKey(key(from + 1, 0));
                if (last != null && last > startKey) startKey = last;
            }
            while (true) {
                startKey = Math.max(first, startKey);
                long t0 = System.nanoTime();
                Mark startMark = startKey % SUB == 0 ? positionUnarmedAt(startKey, nextStarts(eventOf(startKey), step, eventOf(first)))
                        : positionUnarmedAt(startKey);
                long start = startKey;
                // from a pause the next start is a pause further back in its stretch (by a growing
                // number of pauses) or the stretch's start; from an event's end, events further back
                long e = eventOf(startKey);
                long nextKey;
                if (startKey % SUB != 0) {
                    Long k = checkpoints.floorKey(startKey - pauseStep);
                    pauseStep = grown(pauseStep);
                    nextKey = k != null && k >= key(e, 0) ? k : key(e, 0);
                } else {
                    nextKey = key(Math.max(0, e - step), 0);
                    step = grown(step);
                    Long cp = checkpoints.lowerKey(startKey);
                    if (cp != null && cp > nextKey) nextKey = cp;
                }
                startKey = nextKey;
                if (startMark == null) continue; // the program ends before `start`: begin further back
                if (TRACE) System.err.printf("[timeline] interval from %d.%d (floor checkpoint %s) reached in %.1f ms%n", eventOf(start),
                        start % SUB, checkpoints.floorKey(start), (System.nanoTime() - t0) / 1e6);
                List<Hit> hits = bisection.lastHits(start, end, extraStops, accept, writeEndingHere);
                if (TRACE) System.err.printf("[timeline]   scanned: %d hits, %.1f ms%n", hits.size(), (System.nanoTime() - t0) / 1e6);
                if (!hits.isEmpty()) {
                    Hit last = hits.get(hits.size() - 1);
                    goTo(last.mark());
                    noteHitBefore(hits, last);
                    return ReverseResult.at(last);
                }
                if (start <= first) {
                    goTo(startMark);
                    return bounded ? ReverseResult.boundary(notBefore) : ReverseResult.start();
                }
                // The next interval ends where this one started: at an event's end that is cheap to
                // meet; a pause position would need a trap at its rip on every pass of a loop, so
                // then the next interval runs on to this one's end instead (no hit lies between).
                if (start % SUB == 0) end = startMark;
            }
        } finally {
            for (long a : temps) program.removeBreakpoint(a);
        }
    }

    private static final boolean TRACE = Boolean.getBoolean("jrrtui.timeline.trace");

    /**
     * The next interval's length: STEP_GROWTH times longer, saturating. (It used to overflow to 0
     * after 32 intervals, when a search walks back checkpoint by checkpoint on a long recording,
     * and the search then repeated the same interval for ever, forking a process each time.)
     */
    static long grown(long step) {
        return step > Long.MAX_VALUE / STEP_GROWTH ? step : step * STEP_GROWTH;
    }

    /**
     * The events where a search's intervals after the one starting at event e will start (while
     * they start at event boundaries: e - step, then back by a growing step), no earlier than
     * event `first`; ascending.
     */
    static List<Long> nextStarts(long e, long step, long first) {
        List<Long> out = new ArrayList<>();
        for (long w = e - step, s = step; w > first && out.size() < 8; s = grown(s), w -= s) out.add(0, w);
        return out;
    }

    /**
     * As {@link #positionUnarmedAt(long)}, forking a checkpoint on the way at each event of
     * waypoints (ascending) after the floor checkpoint: a reverse search's next intervals start
     * there, and each is then reached by a restore (a few ms) instead of another run from the same
     * far checkpoint. (On mt_racy_counter the first continue leaves checkpoints ~20 events before
     * the end, 100 ms of replay; the intervals 1, 4 and 16 events back each re-ran them.)
     */
    private Mark positionUnarmedAt(long k, List<Long> waypoints) {
        Map.Entry<Long, Checkpoint> floor = checkpoints.floorEntry(k);
        if (floor.getKey() == k || waypoints.isEmpty()) return positionUnarmedAt(k);
        restoreCheckpoint(floor);
        for (long w : waypoints) {
            if (key(w, 0) <= floor.getKey() || w >= eventOf(k)) continue;
            runUnarmed(w);
            if (program.exited()) return null;
            if (history.currentEvent() == w) addCheckpointHere();
        }
        runUnarmed(eventOf(k));
        return program.exited() ? null : now();
    }

    /**
     * Goes to checkpoint position k (restoring it when it is a checkpoint, else running to the
     * end of its event with nothing armed); the position there, or null when the program ended first.
     */
    Mark positionUnarmedAt(long k) {
        Checkpoint exact = checkpoints.get(k);
        if (exact != null) {
            restoreCheckpoint(Map.entry(k, exact));
        } else {
            restoreCheckpoint(checkpoints.floorEntry(k));
            runUnarmed(eventOf(k));
        }
        return program.exited() ? null : now();
    }

    /**
     * Runs from the live position to target (null = the end), collecting the hits on the way; stops
     * early once limit hits are collected (the live position is then the last one).
     */
    List<Hit> scanTo(Mark target, Set<Long> extraStops, java.util.function.Predicate<Hit> accept, boolean writeEndingAtTarget, int limit) {
        // One hand-over to the thread that drives the program for the whole scan, not three per
        // hit (the run, the registers to compare with the target, the registers of the hit's
        // mark): under load each hand-over costs as much as the trap itself.
        return program.exclusive(() -> scanHere(target, extraStops, accept, writeEndingAtTarget, limit));
    }

    /**
     * As {@link #scanTo}, for a scan whose hits may be a search's answer: checkpoints are forked at
     * hits as it goes ({@link ScanCheckpoints}) and the latest are adopted into the timeline, the
     * returned hits' marks based on them, so going to the answer, and any search that starts
     * there, re-runs from near it instead of from the scan's start. provenAfter: a checkpoint key
     * the caller proved to lie after every hit of the scan (-1: none), which orders the forks
     * against the checkpoints of their stretch; without one a fork is adopted only when its
     * stretch has no checkpoint after the scan's start.
     */
    List<Hit> scanForAnswer(Mark target, Set<Long> extraStops, java.util.function.Predicate<Hit> accept, boolean writeEndingAtTarget,
            int limit, long provenAfter) {
        return scanForAnswer(target, extraStops, accept, writeEndingAtTarget, limit, provenAfter, Long.MAX_VALUE);
    }

    /**
     * As above, stopping at the first hit after System.nanoTime() deadline: null then (the hits
     * met are not all of the piece, and the forks are ended).
     */
    List<Hit> scanForAnswer(Mark target, Set<Long> extraStops, java.util.function.Predicate<Hit> accept, boolean writeEndingAtTarget,
            int limit, long provenAfter, long deadline) {
        ScanCheckpoints forks = new ScanCheckpoints(travel, deadline);
        if (program.threadCount() > 1 && !ScanCheckpoints.THREADED) forks.disabled();
        List<Hit> hits;
        try {
            hits = program.exclusive(() -> scanHere(target, extraStops, accept, writeEndingAtTarget, limit, forks));
        } catch (RuntimeException e) {
            forks.discardAll();
            throw e;
        }
        if (forks.cut()) {
            forks.discardAll();
            return null;
        }
        if (hits.size() >= limit) {
            forks.discardAll(); // cut short: these hits are not the answer
            return hits;
        }
        return basedOnForks(hits, forks.take(), provenAfter, new Scan(target, extraStops, accept, writeEndingAtTarget));
    }

    /**
     * Adopts the forks at keys ordered among their stretch's checkpoints (oldest first), and
     * returns hits with the marks of those at or after a fork (same event interval) based on it.
     */
    private List<Hit> basedOnForks(List<Hit> hits, List<ScanCheckpoints.Fork> forks, long provenAfter, Scan scan) {
        if (forks.isEmpty()) return hits;
        List<Hit> out = new ArrayList<>(hits);
        long lastAdopted = -1;
        int lastIndex = -1;
        for (ScanCheckpoints.Fork f : forks) {
            long k = adoptAtHit(f.checkpoint(), f.at(), Math.max(f.after(), lastAdopted), provenAfter);
            if (k < 0) continue;
            lastAdopted = k;
            lastIndex = f.hitIndex();
            if (TRACE) System.err.printf("[timeline]   checkpoint at hit %d of %d adopted at %d.%d%n", f.hitIndex(), hits.size(), eventOf(k), k % SUB);
            rebase(out, f.hitIndex(), k);
        }
        if (lastAdopted >= 0) forkJustBeforeTheEnd(out, lastAdopted, lastIndex, provenAfter, scan);
        return out;
    }

    /** What a scan looked for (to run part of it again). */
    private record Scan(Mark target, Set<Long> extraStops, java.util.function.Predicate<Hit> accept, boolean writeEndingAtTarget) {}

    /**
     * Scan forks are made by time, so the latest may lie a fork's cost times ten of scanning
     * before the last hit (0.3–0.7 s under load), and every search that starts at the answer
     * (reverse-next, reverse-step, a second reverse-continue) scans that again. When it is more
     * than a few hits back, the piece from it to a few hits before the last is run again (what
     * going to the answer would run anyway) and a checkpoint forked there: the answer is then a
     * few hits from a checkpoint. Not closer: a search from the answer that scans fewer than two
     * hits (`last` after a breakpoint search) has no anchor for the reverse-stepi it ends with.
     */
    private void forkJustBeforeTheEnd(List<Hit> hits, long forkKey, int forkIndex, long provenAfter, Scan scan) {
        int beforeLast = hits.size() - 1 - BACK_FROM_LAST;
        int between = beforeLast - forkIndex;
        if (between < NEAR_END_HITS || hits.get(beforeLast).mark().event() != eventOf(forkKey)) {
            if (TRACE) System.err.printf("[timeline]   %d hits from the last fork to the one a fork near the end would be at%n", between);
            return;
        }
        Mark target = hits.get(beforeLast).mark();
        try {
            if (liveBase != forkKey || !at(scanForkAt.get(forkKey))) restoreCheckpoint(Map.entry(forkKey, checkpoints.get(forkKey)));
            // Whether a restored fork reports the hit it stands on again is not counted on: the
            // run stops two hits short, then goes hit by hit until it is at the one wanted.
            int met = program.exclusive(() -> {
                int n = between > 2 ? scanHere(scan.target(), scan.extraStops(), scan.accept(), scan.writeEndingAtTarget(), between - 2, null).size() : 0;
                for (int more = 0; more < 4 && !at(target); more++) {
                    if (scanHere(scan.target(), scan.extraStops(), scan.accept(), scan.writeEndingAtTarget(), 1, null).isEmpty()) break;
                    n++;
                }
                return n;
            });
            if (!at(target)) { // not the same hits: leave the forks as they are
                if (TRACE) System.err.printf("[timeline]   the run to the hit near the end passed it (%d hits of %d)%n", met, between);
                return;
            }
            long k = adoptAtHit(travel.checkpoint(), target, forkKey, provenAfter);
            if (k < 0) {
                if (TRACE) System.err.printf("[timeline]   the checkpoint at the hit near the end was not adopted%n");
                return;
            }
            if (TRACE) System.err.printf("[timeline]   checkpoint at hit %d of %d (%d before the last) adopted at %d.%d%n", beforeLast, hits.size(), BACK_FROM_LAST,
                    eventOf(k), k % SUB);
            rebase(hits, beforeLast, k);
        } catch (JrrException e) {
            // no checkpoint here (a thread exiting...): the searches after start from the fork before
            if (TRACE) System.err.printf("[timeline]   no checkpoint at the hit near the end: %s%n", e.getMessage());
        }
    }

    /** Fewer hits than this between the latest scan fork and the one it would add: no fork more. */
    private static final int NEAR_END_HITS = 8;
    /** How many hits before the last that fork is made. */
    private static final int BACK_FROM_LAST = 4;

    /**
     * Adopts cp, forked at hit position at, at a key after the checkpoint key after (and the
     * event's start) when that order is proved, and checks it restores to at; returns the key, or
     * -1 after discarding it.
     */
    private long adoptAtHit(Checkpoint cp, Mark at, long after, long provenAfter) {
        long e = at.event();
        long lo = Math.max(after, key(e, 0));
        long stretchEnd = key(e + 1, 0);
        Long next = checkpoints.higherKey(lo);
        // a checkpoint after lo in the stretch is after the fork only when proved to be
        boolean ordered = next == null || next >= stretchEnd || provenAfter >= 0 && next >= provenAfter;
        long hi = next == null || next >= stretchEnd ? stretchEnd : next;
        long k = keyBetween(lo, hi);
        if (!ordered || k < 0 || checkpoints.containsKey(k)) {
            travel.discard(cp);
            return -1;
        }
        adoptCheckpoint(k, cp);
        if (checkpoints.get(k) != cp) return -1; // thinned away at once
        if (!restoresTo(k, at)) {
            travel.discard(checkpoints.remove(k));
            return -1;
        }
        scanForkAt.put(k, at);
        return k;
    }

    /** Bases the marks of hits from index `from` on (same event interval as it) on the checkpoint at key k. */
    private static void rebase(List<Hit> hits, int from, long k) {
        long e = hits.get(from).mark().event();
        for (int j = from; j < hits.size(); j++) {
            Hit h = hits.get(j);
            Mark m = h.mark();
            if (m.event() != e) break;
            hits.set(j, new Hit(h.kind(), h.address(), h.slot(), m.basedAt(k), h.writerPc()));
        }
    }

    /**
     * Whether restoring the checkpoint at key k gives exactly the position m, every thread
     * readable. A fork that does not is not kept, and the answer is found again from the scan's
     * start as before (a guard: none is known to fail).
     */
    private boolean restoresTo(long k, Mark m) {
        try {
            restoreCheckpoint(Map.entry(k, checkpoints.get(k)));
            everyThreadReadable();
            return at(m);
        } catch (JrrException e) {
            if (TRACE) System.err.printf("[timeline]   checkpoint at %d.%d does not restore: %s%n", eventOf(k), k % SUB, e.getMessage());
            return false;
        }
    }

    private List<Hit> scanHere(Mark target, Set<Long> extraStops, java.util.function.Predicate<Hit> accept, boolean writeEndingAtTarget, int limit) {
        return scanHere(target, extraStops, accept, writeEndingAtTarget, limit, null);
    }

    private List<Hit> scanHere(Mark target, Set<Long> extraStops, java.util.function.Predicate<Hit> accept, boolean writeEndingAtTarget, int limit,
            ScanCheckpoints forks) {
        List<Hit> hits = new ArrayList<>();
        if (target != null && at(target)) return hits;
        // Up to the target's event first: its pc may be in code that is not mapped yet.
        while (target != null && history.currentEvent() < target.event()) {
            StopReason r = forward(target.event(), true);
            if (r.kind() == StopReason.Kind.EVENT) break;
            if (r.kind() == StopReason.Kind.EXITED) throw new JrrException("re-execution ended before the current position (" + target + ")");
            collectAt(r, extraStops, accept, hits, forks);
            if (hits.size() >= limit || forks != null && forks.timeUp()) return hits;
        }
        if (target != null && matches(target)) return hits;
        boolean temporaryTarget = target != null && !program.breakpointAddresses().contains(target.rip());
        if (temporaryTarget) program.addBreakpoint(target.rip());
        try {
            while (true) {
                StopReason r = forward(target == null ? Long.MAX_VALUE : target.event() + 1, true);
                switch (r.kind()) {
                    case EXITED, EVENT, END_OF_TRACE -> {
                        if (target == null) return hits;
                        throw new JrrException("re-execution passed the current position (" + target + ")");
                    }
                    case BREAKPOINT -> {
                        if (target != null && at(target)) return hits;
                        collectAt(r, extraStops, accept, hits, forks);
                        if (hits.size() >= limit || forks != null && forks.timeUp()) return hits;
                    }
                    case WATCHPOINT -> {
                        // a write by the instruction just before the target ends there: the last hit, when wanted
                        boolean atTarget = target != null && at(target);
                        if (!atTarget || writeEndingAtTarget) collectAt(r, extraStops, accept, hits, forks);
                        if (atTarget || hits.size() >= limit || forks != null && forks.timeUp()) return hits;
                    }
                    case STEP, SIGNAL -> { }
                }
            }
        } finally {
            if (temporaryTarget) program.removeBreakpoint(target.rip());
        }
    }

    /** As {@link #collect}, then a fork at the hit when one is due (forks null: none). */
    private void collectAt(StopReason r, Set<Long> extraStops, java.util.function.Predicate<Hit> accept, List<Hit> hits, ScanCheckpoints forks) {
        int before = hits.size();
        collect(r, extraStops, accept, hits);
        if (forks != null && hits.size() > before) forks.atHit(before, hits.get(before).mark(), liveKey());
    }

    void collect(StopReason r, Set<Long> extraStops, java.util.function.Predicate<Hit> accept, List<Hit> hits) {
        Hit h = null;
        if (r.kind() == StopReason.Kind.BREAKPOINT && (userBreakpoints.contains(r.address()) || extraStops.contains(r.address()))) {
            h = new Hit(Hit.Kind.BREAKPOINT, r.address(), -1, now());
        } else if (r.kind() == StopReason.Kind.WATCHPOINT && userWatchSlots.contains(r.slot())) {
            h = new Hit(Hit.Kind.WATCHPOINT, r.address(), r.slot(), now(), r.writerPc());
        }
        if (h != null && (accept == null || accept.test(h))) hits.add(h);
    }

    /**
     * Goes back one instruction. Single-steps forward from the nearest earlier known position (the
     * previous stop of this forward stretch, else the last event boundary) and keeps the chain of
     * states, so repeated reverse-stepi is a jump to the previous state of the chain.
     */
    public boolean reverseStepi() {
        return reverseStepi(0);
    }

    /**
     * As {@link #reverseStepi()}, knowing the address of the instruction that ran last (a page
     * watch's writing instruction; 0: unknown). Instead of single-stepping every instruction
     * from the event's start — thousands of stops in a loop's stretch — the run stops at that
     * address only (a temporary breakpoint) and steps from each arrival until the step lands on
     * the position. Anything unexpected falls back to stepping.
     */
    public boolean reverseStepi(long previousPc) {
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
        // the previous stop helps only inside the same event interval: from an earlier one the
        // event boundary is nearer, and stepping across events could step through a signal
        Mark anchor = at > 0 && trail.get(at - 1).event() == target.event() ? trail.get(at - 1) : null;
        if (anchor == null) anchor = forkBefore(target);
        if (TRACE) System.err.printf("[timeline] reverse-stepi: trail %d, at %d, anchor %s%n", trail.size(), at, anchor != null);
        // 0, or the event whose completion ends the search: the previous instruction is the one
        // that made it (a syscall), and the answer the state just before it
        long madeBy = 0;
        if (anchor != null) {
            goTo(anchor);
        } else {
            long fromEvent = target.event();
            goToEvent(fromEvent);
            if (target.sameState(registersFor(target))) {
                if (fromEvent <= 1) return false;
                goToEvent(fromEvent - 1); // exactly at the boundary: the previous instruction ends the event before
                if (target.sameState(registersFor(target))) {
                    // a stop at an event that happens where the one before ended (a signal right
                    // after the syscall that sent it): step to the syscall, not through the signal
                    if (fromEvent <= 2) return false;
                    goToEvent(fromEvent - 2);
                    madeBy = fromEvent - 1;
                }
            }
            selectThreadOf(target); // step the thread the position belongs to
            if (previousPc != 0 && madeBy == 0) {
                Mark before = arrivalBefore(target, previousPc);
                if (before != null) {
                    goTo(before);
                    trail.add(before);
                    trailIsSteps = true;
                    return true;
                }
                goToEvent(target.event()); // fall back: step from the event's start
                selectThreadOf(target);
            }
        }
        List<Mark> chain = new ArrayList<>();
        while (true) {
            chain.add(now());
            StopReason r = program.stepInstruction();
            if (r.kind() == StopReason.Kind.EXITED) throw new JrrException("reverse-stepi lost its place: the replay ended");
            if (at(target) || madeBy > 0 && history.currentEvent() >= madeBy) break;
            if (history.currentEvent() > target.event() || chain.size() > MAX_REVERSE_STEPS) {
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

    /**
     * From the event boundary before target: the position at pc from which one instruction reaches
     * target, found by running to pc (a temporary breakpoint; other stops are passed over) and
     * stepping once at each arrival. Null when the run leaves the event first.
     */
    private Mark arrivalBefore(Mark target, long pc) {
        boolean temporary = !program.breakpointAddresses().contains(pc);
        if (temporary) program.addBreakpoint(pc);
        try {
            for (int arrivals = 0; arrivals < MAX_REVERSE_STEPS; arrivals++) {
                StopReason r = history.cont(target.event() + 1, true);
                if (history.currentEvent() != target.event()) return null;
                if (r.kind() == StopReason.Kind.WATCHPOINT || r.kind() == StopReason.Kind.STEP) continue; // another stop on the way
                if (r.kind() != StopReason.Kind.BREAKPOINT) return null;
                if (program.registers().rip() != pc) continue;
                Mark before = now();
                StopReason step = program.stepInstruction();
                if (step.kind() == StopReason.Kind.EXITED) return null;
                if (at(target)) return before;
                if (history.currentEvent() != target.event()) return null;
            }
            return null;
        } finally {
            if (temporary) program.removeBreakpoint(pc);
        }
    }

    /**
     * The position of the scan fork the live process left from to reach target, when it lies in
     * target's stretch before target: nearer than the event's start (a search from a position
     * just after such a fork can meet a single hit, leaving no previous stop to anchor at).
     */
    private Mark forkBefore(Mark target) {
        Mark forkedAt = target.base() >= 0 ? scanForkAt.get(target.base()) : null;
        if (forkedAt == null || forkedAt.event() != target.event() || forkedAt.tid() != target.tid()) return null;
        if (forkedAt.sameState(target.regs()) && forkedAt.frame() == target.frame()) return null; // the same position
        return forkedAt.basedAt(target.base());
    }

    private int indexInTrail(Mark m) {
        for (int i = trail.size() - 1; i >= 0; i--) {
            if (trail.get(i).event() == m.event() && trail.get(i).sameState(m.regs())) return i;
        }
        return -1;
    }

    private boolean isProgramStart(Mark m) {
        return m.event() == eventOf(checkpoints.firstKey()) && m.sameState(startRegs);
    }

    /** The position where the replay starts (the program's first instruction). */
    public Mark start() {
        return new Mark(eventOf(checkpoints.firstKey()), startRegs, 0);
    }

    /** The events of the checkpoints (an event appears once per pause inside the stretch after it, too). */
    public List<Long> checkpointEvents() {
        List<Long> out = new ArrayList<>();
        for (long k : checkpoints.keySet()) out.add(eventOf(k));
        return out;
    }

    /** A checkpoint exactly here (gdb's {@code checkpoint}), restored with {@link #restore}. */
    public Checkpoint userCheckpoint() {
        return travel.checkpoint();
    }

    /** Deletes a user checkpoint (its process ends); the timeline's own checkpoints are not affected. */
    public void discardUserCheckpoint(Checkpoint cp) {
        travel.discard(cp);
    }

    /** Returns to a user checkpoint. */
    public void restore(Checkpoint cp) {
        travel.restore(cp);
        liveBase = -1;
        resetTrail();
    }

    @Override
    public void close() {
        program.close();
    }
}
