package io.jrrtui.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * When forward execution forks a checkpoint, and which checkpoints are kept: dense near the current
 * position, sparse far from it (rr's timeline does the same). A checkpoint is due every
 * {@link #EVERY_NANOS} of forward replay; when more than {@link #MAX} exist, the one whose removal
 * leaves the smallest gap relative to its distance from now goes, so the gap between neighbours
 * grows in proportion to the distance from now: n events of history need O(log n) checkpoints for
 * a given proportion, and the cap bounds the count. A memory budget comes on top.
 */
final class CheckpointPolicy {
    /** Forward replay time between two checkpoints: bounds a goto's re-execution to about this. */
    static final long EVERY_NANOS = Long.getLong("jrrtui.timeline.checkpointEveryMs", 100) * 1_000_000L;
    /** ... and at least this many events between two (a checkpoint costs a fork). */
    static final long MIN_EVENTS = 16;
    /** Forward runs return to the timeline every this many events to see whether one is due. */
    static final long CHUNK_EVENTS = 512;
    /** Cap on the number of automatic checkpoints (each is a stopped process). */
    static final int MAX = 200;
    /** Memory the checkpoints may hold beyond what they share with the live process. */
    static final long MEMORY_BUDGET_BYTES = 768L << 20;

    private CheckpointPolicy() {}

    static boolean due(long nanosSinceLast, long eventsSinceLast) {
        return nanosSinceLast >= EVERY_NANOS && eventsSinceLast >= MIN_EVENTS;
    }

    /**
     * The checkpoint events to drop so that no more than MAX remain: repeatedly the one whose gap
     * between its neighbours, divided by its distance from now, is smallest (a checkpoint near now
     * is worth more than one far away). The first (the start of the replay) is always kept.
     */
    static List<Long> thin(java.util.Collection<Long> events, long now) {
        List<Long> sorted = new ArrayList<>(new java.util.TreeSet<>(events));
        List<Long> drop = new ArrayList<>();
        while (sorted.size() > MAX) {
            int worst = -1;
            double worstScore = Double.MAX_VALUE;
            for (int i = 1; i < sorted.size(); i++) {
                long prev = sorted.get(i - 1);
                long next = i + 1 < sorted.size() ? sorted.get(i + 1) : Math.max(sorted.get(i), now);
                double score = (double) (next - prev) / Math.max(1, Math.abs(sorted.get(i) - now));
                if (score < worstScore) {
                    worstScore = score;
                    worst = i;
                }
            }
            drop.add(sorted.remove(worst));
        }
        return drop;
    }

    /**
     * The checkpoint events to drop, farthest from now first, so that the memory they hold fits the
     * budget (memoryOf gives a checkpoint's private bytes). The first is always kept.
     */
    static List<Long> overBudget(Iterable<Long> events, long first, long now, LongUnaryOperator memoryOf) {
        List<Long> byDistance = new ArrayList<>();
        long total = 0;
        for (long e : events) {
            total += memoryOf.applyAsLong(e);
            if (e != first) byDistance.add(e);
        }
        byDistance.sort(Comparator.comparingLong((Long e) -> Math.abs(e - now)).reversed());
        List<Long> drop = new ArrayList<>();
        for (long e : byDistance) {
            if (total <= MEMORY_BUDGET_BYTES) break;
            total -= memoryOf.applyAsLong(e);
            drop.add(e);
        }
        return drop;
    }
}
