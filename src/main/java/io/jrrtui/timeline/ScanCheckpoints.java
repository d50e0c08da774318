package io.jrrtui.timeline;

import io.jrrtui.target.Checkpoint;
import io.jrrtui.target.Checkpointing;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checkpoints forked at hits while a reverse search scans a piece hit by hit, so that what comes
 * after the scan does not pay for the piece again: going to the answer (the last hit) re-runs
 * from the latest fork instead of the piece's start, and a search that starts at the answer
 * (`last`, a second reverse-continue, reverse-stepi's anchor at the hit before last, reverse-finish)
 * starts there too. A scan over a dense stretch (a breakpoint or watchpoint in a loop that runs
 * millions of times between two events) costs 50–500 µs per hit, so without them each of these
 * costs as much as the search itself.
 *
 * <p>Forks are made by time, not by count: one once the scan has run for {@code gap} since the
 * last (at least {@link #minGapNanos}, and ten times what a fork costs, so they add under a tenth
 * to the scan); only the two latest are kept (the last hit may be the one the latest fork was made
 * at, and the hit before it then needs the older one). A scan shorter than the gap forks nothing.
 */
final class ScanCheckpoints {
    /** Scan time between two forks, at least (ms: jrrtui.timeline.scanForkMs). */
    /** Read per scan, not once per JVM, so a test can make a fast scan fork (jrrtui.timeline.scanForkMs). */
    private final long minGapNanos = Long.getLong("jrrtui.timeline.scanForkMs", 10) * 1_000_000L;
    private static final int KEEP = 2;

    /**
     * A fork made at the hit with this index of the scan (its mark is that hit's); after: the key
     * of the latest timeline checkpoint the live process had left by forward execution then.
     */
    record Fork(Checkpoint checkpoint, int hitIndex, Mark at, long after) {}

    private final Checkpointing travel;
    private final List<Fork> forks = new ArrayList<>(KEEP + 1);
    private long gap = minGapNanos;
    private long nextAt;

    /** System.nanoTime() after which the scan stops at its next hit (cut short). */
    private final long deadline;
    private boolean cut;

    ScanCheckpoints(Checkpointing travel) {
        this(travel, Long.MAX_VALUE);
    }

    /** With a time budget: the scan stops at the first hit after nanoTime deadline. */
    ScanCheckpoints(Checkpointing travel, long deadline) {
        this.travel = travel;
        this.deadline = deadline;
        this.nextAt = System.nanoTime() + gap;
    }

    /**
     * Forks at hits of a multi-threaded program too (jrrtui.timeline.threadedScanForks, on by
     * default; false turns them off). They once seemed to lose a thread: the cause was the replay
     * keeping a reaped thread selected (a restored fork selects the hit's thread, which then ended
     * alone on the way forward), fixed in the replay.
     */
    static final boolean THREADED = Boolean.parseBoolean(System.getProperty("jrrtui.timeline.threadedScanForks", "true"));
    private boolean enabled = true;

    /** Makes the scan fork nothing (the deadline still holds). */
    ScanCheckpoints disabled() {
        enabled = false;
        return this;
    }

    /** Whether the scan must stop now (its time is up); it then was {@link #cut}. */
    boolean timeUp() {
        if (!cut && deadline != Long.MAX_VALUE && System.nanoTime() > deadline) cut = true;
        return cut;
    }

    /** Whether the scan stopped because its time was up (its hits are then not all of the piece). */
    boolean cut() {
        return cut;
    }

    /** Called with the live position at the scan's hit with this index: forks when one is due. */
    void atHit(int hitIndex, Mark at, long after) {
        long t0 = System.nanoTime();
        if (!enabled || t0 < nextAt) return;
        try {
            forks.add(new Fork(travel.checkpoint(), hitIndex, at, after));
        } catch (JrrException e) {
            // not a point a checkpoint can hold (a thread exiting...): the next hit may be
            nextAt = t0 + gap;
            return;
        }
        if (forks.size() > KEEP) travel.discard(forks.remove(0).checkpoint());
        long cost = System.nanoTime() - t0;
        gap = Math.max(minGapNanos, 10 * cost);
        nextAt = System.nanoTime() + gap;
    }

    /** The forks kept, oldest first (the caller takes them over: adopts or discards each). */
    List<Fork> take() {
        List<Fork> out = List.copyOf(forks);
        forks.clear();
        return out;
    }

    /** Ends every fork kept (the scan was cut short: its hits are not the answer). */
    void discardAll() {
        for (Fork f : forks) travel.discard(f.checkpoint());
        forks.clear();
    }
}
