package io.jrrtui.timeline;

import io.jrrtui.target.Checkpoint;
import io.jrrtui.target.Checkpointing;
import io.jrrtui.target.EventHistory;
import io.jrrtui.target.StopReason;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The last hit of a searched interval that holds too many hits to trap at each (a breakpoint or
 * watchpoint in a loop that runs millions of times between two events: 20–100 µs per trap).
 *
 * <p>Nothing counts instructions, so a position inside a stretch can only be made by pausing a
 * native run after some time ({@code Checkpointing.pauseLongRuns}) and forking a checkpoint there.
 * The search narrows in three steps, each answered by runs that stop at the FIRST hit (one trap):
 * <ol>
 * <li>the last event boundary of the interval after which a hit still comes (binary search over
 * the interval's events): the last hit is in the one-thread stretch that follows it;
 * <li>the latest checkpoint of that stretch with a hit after it (its pause checkpoints);
 * <li>bisection by pauses: from the current start Q, run with nothing armed and pause after half
 * of the time still in doubt; at the pause fork a candidate and ask "any hit between here and the
 * stretch's end?" — yes: the candidate is the new Q; no: the last hit lies before it, and the
 * time in doubt shrinks to where it was. Until that time is a few tens of microseconds.
 * </ol>
 * Then the piece from Q to the stretch's end is scanned hit by hit as before, and its last hit is
 * the answer. Correctness does not depend on where the pauses land (they are as precise as the
 * machine's scheduling allows): Q always has a hit after it, the end of the scan is a position a
 * run can meet (an event boundary or the program's end), and no hit lies after it, so the final
 * scan sees every hit between Q and the end. Only the cost depends on the pauses.
 *
 * <p>Q's checkpoint is kept in the timeline at a key between the stretch's checkpoints it was
 * proved to lie between, so the answer (a mark based there) is found again from it.
 */
final class StretchBisection {
    /** A scan that meets this many hits stops and the interval is narrowed instead. */
    private static final int PROBE_HITS = Integer.getInteger("jrrtui.timeline.probeHits", 1000);
    /** Native run time in doubt below which the piece is scanned hit by hit. */
    private static final long SHORT_PIECE_NANOS = Long.getLong("jrrtui.timeline.shortPieceNanos", 8000);
    /**
     * The first pause while the stretch's length is unknown (doubled while hits keep coming, up to
     * the longest pause the session measures in CPU time).
     */
    private static final long FIRST_PAUSE_NANOS = 1_000_000, LONGEST_PAUSE_NANOS = 3_500_000;
    private static final int MAX_ROUNDS = Integer.getInteger("jrrtui.timeline.maxRounds", 320);
    /** Rounds in a row that neither moved Q nor shrank the time in doubt: the pauses cannot land finer. */
    private static final int MAX_IDLE_ROUNDS = 10;
    private static final boolean TRACE = Boolean.getBoolean("jrrtui.timeline.trace");

    private final Timeline tl;

    StretchBisection(Timeline tl) {
        this.tl = tl;
    }

    /** What a search looks for: the stops it counts and the hits it accepts. */
    private record Wanted(Set<Long> extraStops, Predicate<Hit> accept, boolean writeEndingHere) {}

    /**
     * The hits between the live position (interval start startKey) and end (null: the program's
     * end); when there are many, only those of a short last piece — the last one is the answer
     * either way. Leaves the live position somewhere in the interval.
     */
    List<Hit> lastHits(long startKey, Mark end, Set<Long> extraStops, Predicate<Hit> accept, boolean writeEndingHere) {
        Wanted w = new Wanted(extraStops, accept, writeEndingHere);
        List<Hit> probe = tl.scanForAnswer(end, extraStops, accept, writeEndingHere, PROBE_HITS, -1);
        if (probe.size() < PROBE_HITS) return probe;
        long t0 = System.nanoTime();
        List<Hit> hits = narrowed(startKey, end, w);
        if (TRACE) System.err.printf("[bisection] %d hits in the last piece, %.1f ms%n", hits.size(), (System.nanoTime() - t0) / 1e6);
        return hits;
    }

    private List<Hit> narrowed(long startKey, Mark end, Wanted w) {
        EventHistory history = tl.history();
        Checkpointing travel = tl.travel();
        // 1. the last event boundary after which a hit comes (lo; s0 stands for the interval start)
        long s0 = Timeline.eventOf(startKey);
        long n = end == null ? history.eventCount() : end.event();
        Map<Long, Mark> boundary = new HashMap<>();
        long lo = s0, hi = n + 1;
        while (hi - lo > 1) {
            long mid = (lo + hi) >>> 1;
            if (hitAfterBoundary(mid, end, w, boundary)) lo = mid;
            else hi = mid;
        }
        long segmentKey = lo == s0 ? startKey : Timeline.key(lo, 0);
        if (hi > n) {
            // end lies inside the stretch after event n: a run cannot stop there without trapping
            // at its address on every pass, so candidates could not be told apart from positions
            // beyond it. Scan from the latest checkpoint known to be before it.
            long from = end != null && end.base() > segmentKey ? end.base() : segmentKey;
            if (TRACE) System.err.printf("[bisection] end inside the stretch after event %d: plain scan from %d.%d%n", n, Timeline.eventOf(from), from % Timeline.SUB);
            tl.positionUnarmedAt(from);
            List<Hit> hits = tl.scanForAnswer(end, w.extraStops, w.accept, w.writeEndingHere, Integer.MAX_VALUE, -1);
            if (!hits.isEmpty() || from == segmentKey) return hits;
            return beforeCheckpoint(segmentKey, from, end, w);
        }
        Mark stretchEnd = boundary.getOrDefault(hi, end);
        long endEvent = hi;
        if (TRACE) System.err.printf("[bisection] last hits in the stretch from %d.%d to the end of event %d%n", lo, segmentKey % Timeline.SUB, endEvent);

        // 2. the latest checkpoint of the stretch with a hit after it (a), and the one after it (b)
        List<Long> pauses = new ArrayList<>(tl.checkpointsByKey().subMap(segmentKey, false, Timeline.key(lo + 1, 0), false).keySet());
        int a = latestWithHitAfter(pauses, stretchEnd, w), b = a + 1;
        long nextKey = b < pauses.size() ? pauses.get(b) : Timeline.key(lo + 1, 0); // the first key proved to lie after Q
        Long qKey = a >= 0 ? pauses.get(a) : null;
        Checkpoint q;
        boolean local = false;
        if (qKey == null) {
            qKey = segmentKey;
            q = tl.checkpointsByKey().get(segmentKey);
            if (q == null) {
                tl.positionUnarmedAt(segmentKey);
                try {
                    q = travel.checkpoint();
                } catch (JrrException e) {
                    tl.positionUnarmedAt(segmentKey);
                    return tl.scanTo(stretchEnd, w.extraStops, w.accept, w.writeEndingHere, Integer.MAX_VALUE);
                }
                local = true;
            }
        } else {
            q = tl.checkpointsByKey().get(qKey);
        }

        // 3. bisection by pauses, a chunk of rounds at a time. After each chunk Q becomes a timeline
        // checkpoint and the piece from it is scanned with as much time as the chunk took: when the
        // piece is that short its hits are the answer, else the bisection goes on. (Where pauses
        // land depends on the machine: on a loaded one each moves Q by only a few tens of µs of
        // the program's CPU time, so a fixed number of rounds could leave 100k hits to scan.)
        Progress p = new Progress();
        while (true) {
            long t0 = System.nanoTime();
            int movesBefore = p.moves;
            Candidate c = bisect(q, local, stretchEnd, endEvent, w, p);
            q = c.q;
            if (c.local) {
                long key = Timeline.keyBetween(qKey, nextKey);
                if (key < 0 || tl.checkpointsByKey().containsKey(key)) {
                    // no key left between its neighbours: scan from it all the same (the answer is
                    // then found again from the earlier checkpoint, trap by trap)
                    try {
                        travel.restore(q);
                        return tl.scanTo(stretchEnd, w.extraStops, w.accept, w.writeEndingHere, Integer.MAX_VALUE);
                    } finally {
                        travel.discard(q);
                    }
                }
                tl.adoptCheckpoint(key, q);
                if (tl.checkpointsByKey().get(key) != q) {
                    tl.positionUnarmedAt(qKey); // thinned away at once: from the key it came from
                    return finalScan(stretchEnd, w, nextKey);
                }
                qKey = key;
            }
            local = false;
            tl.restoreCheckpoint(Map.entry(qKey, q));
            if (p.moves == movesBefore || p.done()) return finalScan(stretchEnd, w, nextKey);
            List<Hit> hits = tl.scanForAnswer(stretchEnd, w.extraStops, w.accept, w.writeEndingHere, Integer.MAX_VALUE, nextKey,
                    System.nanoTime() + (System.nanoTime() - t0));
            if (TRACE) System.err.printf("[bisection] chunk: %d rounds, %d moves so far, %.1f ms; piece %s%n", p.rounds, p.moves,
                    (System.nanoTime() - t0) / 1e6, hits == null ? "longer than the chunk" : hits.size() + " hits");
            if (hits != null) return hits;
            q = tl.checkpointsByKey().get(qKey);
            if (q == null) { // thinned while the piece was scanned: from the nearest earlier checkpoint
                tl.positionUnarmedAt(qKey);
                return finalScan(stretchEnd, w, nextKey);
            }
        }
    }

    /**
     * The hits before end when none lies between the stretch's checkpoint c (end's base) and end,
     * but the probe from segmentKey met many: the answer lies before c. (A search whose previous
     * interval started at a checkpoint forked for another stop — a watch on another variable —
     * gets here; taking the empty scan from c as the answer skipped every hit before c.) The
     * latest of the stretch's earlier checkpoints with a hit after it is found by binary search,
     * and the piece from there is scanned hit by hit; c is proved to lie after all of its hits.
     * Candidates of a bisection by pauses could land beyond end, where nothing tells them apart,
     * so there is none here: without checkpoints the scan starts at segmentKey.
     */
    private List<Hit> beforeCheckpoint(long segmentKey, long c, Mark end, Wanted w) {
        List<Long> earlier = new ArrayList<>(tl.checkpointsByKey().subMap(segmentKey, false, c, false).keySet());
        int a = latestWithHitAfter(earlier, end, w);
        long from = a >= 0 ? earlier.get(a) : segmentKey;
        if (TRACE) System.err.printf("[bisection] no hit after %d.%d: scan from %d.%d%n", Timeline.eventOf(c), c % Timeline.SUB,
                Timeline.eventOf(from), from % Timeline.SUB);
        tl.positionUnarmedAt(from);
        return tl.scanForAnswer(end, w.extraStops, w.accept, w.writeEndingHere, Integer.MAX_VALUE, c);
    }

    /**
     * The last piece, hit by hit, from the live position (a timeline checkpoint) to the stretch's
     * end; nextKey, the first checkpoint key proved to lie after the last hit, orders the
     * checkpoints the scan forks on the way.
     */
    private List<Hit> finalScan(Mark stretchEnd, Wanted w, long nextKey) {
        return tl.scanForAnswer(stretchEnd, w.extraStops, w.accept, w.writeEndingHere, Integer.MAX_VALUE, nextKey);
    }

    /**
     * The index of the latest of keys (a stretch's checkpoints, in order) with an accepted hit
     * after it and before end; -1 when none has. Usually the last one (a loop that runs to the
     * end), so that is asked first; else by binary search (a: known to have a hit after it, -1 for
     * the segment's start; b: known not to, size for the end).
     */
    private int latestWithHitAfter(List<Long> keys, Mark end, Wanted w) {
        int a = -1, b = keys.size();
        if (b > 0) {
            if (hitAfterCheckpoint(keys.get(b - 1), end, w)) a = b - 1;
            else b--;
        }
        while (b - a > 1) {
            int m = (a + b) >>> 1;
            if (hitAfterCheckpoint(keys.get(m), end, w)) a = m;
            else b = m;
        }
        return a;
    }

    /** Whether a hit comes after the timeline's checkpoint k and before the stretch's end. */
    private boolean hitAfterCheckpoint(long k, Mark stretchEnd, Wanted w) {
        tl.restoreCheckpoint(Map.entry(k, tl.checkpointsByKey().get(k)));
        return !tl.scanTo(stretchEnd, w.extraStops, w.accept, w.writeEndingHere, 1).isEmpty();
    }

    /** Whether a hit comes after the end of event b and before end; notes b's position in boundary. */
    private boolean hitAfterBoundary(long b, Mark end, Wanted w, Map<Long, Mark> boundary) {
        Mark m = tl.positionUnarmedAt(Timeline.key(b, 0));
        if (m == null) return false; // the program ended there
        if (end != null && tl.at(end)) return false; // end is this boundary
        boundary.put(b, m);
        return !tl.scanTo(end, w.extraStops, w.accept, w.writeEndingHere, 1).isEmpty();
    }

    /** The latest start found: a checkpoint with a hit after it; local when this search forked it. */
    private record Candidate(Checkpoint q, boolean local) {}

    /** Rounds per chunk of the bisection (between two time-boxed scans of the piece). */
    private static final int CHUNK_ROUNDS = 16;

    /** What the bisection knows across its chunks. */
    private static final class Progress {
        /** Native run time after Q beyond which no hit comes (an upper bound). */
        long doubt = Long.MAX_VALUE;
        long pause = FIRST_PAUSE_NANOS;
        /**
         * Wall time of a pause per nanosecond the program got to run in it (on a loaded machine a
         * task waits for a CPU most of the time): pauses are stretched by it to move as far as meant.
         */
        double wallPerCpu = 1;
        int idle, moves, rounds;

        /** Whether more rounds cannot help: little in doubt, pauses land no finer, or enough rounds. */
        boolean done() {
            return doubt <= SHORT_PIECE_NANOS || idle >= MAX_IDLE_ROUNDS || rounds >= MAX_ROUNDS;
        }
    }

    /**
     * Moves q as late as the pauses allow, for up to CHUNK_ROUNDS rounds, while a hit still comes
     * after it and before the stretch end (stretchEnd, the end of event endEvent). Discards the
     * candidates it does not keep.
     */
    private Candidate bisect(Checkpoint q, boolean local, Mark stretchEnd, long endEvent, Wanted w, Progress p) {
        EventHistory history = tl.history();
        Checkpointing travel = tl.travel();
        for (int chunk = 0; chunk < CHUNK_ROUNDS && !p.done(); chunk++, p.rounds++) {
            if (p.doubt != Long.MAX_VALUE) p.pause = Math.max(1000, Math.min(LONGEST_PAUSE_NANOS, (long) (p.doubt / 2 * p.wallPerCpu)));
            travel.restore(q);
            StopReason r;
            long ran, wall0;
            travel.armStops(false);
            travel.pauseLongRuns(p.pause);
            try {
                // how far the run got, at most: the running thread's own clock where the pauses
                // have one, else the program's CPU time (exact, it is stopped before and after);
                // unlike wall time neither counts waiting for a CPU
                long cpu0 = travel.programCpuNanos(), clock0 = travel.pausedRunNanos();
                wall0 = System.nanoTime();
                r = history.cont(endEvent, false);
                wall0 = System.nanoTime() - wall0;
                long clocked = travel.pausedRunNanos() - clock0;
                ran = clocked > 0 ? clocked : travel.programCpuNanos() - cpu0;
            } finally {
                travel.pauseLongRuns(0);
                travel.armStops(true);
            }
            if (TRACE) System.err.printf("[bisection]   pause %.0f µs: %s after %.1f µs (wall %.1f µs)%n", p.pause / 1e3, r.kind(), ran / 1e3, wall0 / 1e3);
            if (ran <= 0) {
                p.idle++; // nothing ran (or nothing measured): no information
                continue;
            }
            if (r.kind() != StopReason.Kind.PAUSE) {
                // the stretch ended before the pause: it is shorter than that (and if the pause was
                // stretched for a busy machine, the machine was less busy this time)
                if (ran < p.doubt) p.doubt = ran;
                else if (p.wallPerCpu > 1) p.wallPerCpu = 1;
                else p.idle++;
                continue;
            }
            p.wallPerCpu = Math.max(1, (double) p.pause / ran);
            Checkpoint cand;
            try {
                cand = travel.checkpoint();
            } catch (JrrException e) {
                p.idle = MAX_IDLE_ROUNDS;
                break;
            }
            boolean yes = hitBefore(stretchEnd, endEvent, w);
            if (TRACE) System.err.printf("[bisection]   hit after it: %s (event %d)%n", yes, history.currentEvent());
            if (yes) {
                if (local) travel.discard(q);
                q = cand;
                local = true;
                p.moves++;
                p.idle = 0;
                // ran is only an upper bound of the progress (it includes the session's own work
                // in the process): the time in doubt stays
                if (p.doubt == Long.MAX_VALUE) p.pause = Math.min(2 * p.pause, LONGEST_PAUSE_NANOS);
            } else {
                travel.discard(cand);
                if (ran < p.doubt) {
                    p.doubt = ran;
                    p.idle = 0;
                } else {
                    p.idle++;
                }
            }
        }
        if (TRACE) System.err.printf("[bisection] %d rounds, %d moves, %.0f µs in doubt%n", p.rounds, p.moves, p.doubt / 1e3);
        return new Candidate(q, local);
    }

    /** From the live position: whether an accepted hit comes before the stretch's end (stops at the first). */
    private boolean hitBefore(Mark stretchEnd, long endEvent, Wanted w) {
        EventHistory history = tl.history();
        Checkpointing travel = tl.travel();
        List<Hit> hits = new ArrayList<>(1);
        while (true) {
            StopReason r = history.cont(endEvent, true);
            switch (r.kind()) {
                case BREAKPOINT, WATCHPOINT -> {
                    if (stretchEnd != null && tl.at(stretchEnd)) return false;
                    tl.collect(r, w.extraStops, w.accept, hits);
                    if (!hits.isEmpty()) return true;
                }
                case EVENT, EXITED, END_OF_TRACE -> {
                    return false;
                }
                default -> { }
            }
        }
    }
}
