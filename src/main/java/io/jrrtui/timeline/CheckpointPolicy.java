package io.jrrtui.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * When forward execution forks a checkpoint, and which checkpoints are kept: dense near the current
 * position, sparse far from it (rr's timeline does the same). Distances are in events: by
 * doubling bands of distance from now, at most {@link #PER_BAND} checkpoints per band survive, so
 * n events of history hold O(log n) checkpoints; within a memory budget on top.
 */
final class CheckpointPolicy {
    /** Forward replay time between two checkpoints: bounds a goto's re-execution to about this. */
    static final long EVERY_NANOS = 100_000_000L;
    /** ... and at least this many events between two (a checkpoint costs a fork). */
    static final long MIN_EVENTS = 16;
    /** Forward runs return to the timeline every this many events to see whether one is due. */
    static final long CHUNK_EVENTS = 512;
    /** Distance band 0 is [0, 2 * BAND_EVENTS); band k is [2^k, 2^(k+1)) * BAND_EVENTS. */
    private static final long BAND_EVENTS = 1024;
    static final int PER_BAND = 3;
    /** Hard cap on the number of automatic checkpoints (each is a process). */
    static final int MAX = 64;
    /** Memory the checkpoints may hold beyond what they share with the live process. */
    static final long MEMORY_BUDGET_BYTES = 768L << 20;

    private CheckpointPolicy() {}

    static boolean due(long nanosSinceLast, long eventsSinceLast) {
        return nanosSinceLast >= EVERY_NANOS && eventsSinceLast >= MIN_EVENTS;
    }

    private static int band(long distance) {
        long d = Math.max(1, Math.abs(distance) / BAND_EVENTS);
        return 63 - Long.numberOfLeadingZeros(d);
    }

    /**
     * The checkpoint events to drop so that each distance band from now keeps its PER_BAND nearest
     * checkpoints and no more than MAX remain. The first (the start of the replay) is always kept.
     */
    static List<Long> thin(Iterable<Long> events, long first, long now) {
        List<Long> byDistance = new ArrayList<>();
        for (long e : events) if (e != first) byDistance.add(e);
        byDistance.sort(Comparator.comparingLong(e -> Math.abs(e - now)));
        Map<Integer, Integer> perBand = new java.util.HashMap<>();
        List<Long> drop = new ArrayList<>();
        int kept = 0;
        for (long e : byDistance) {
            int n = perBand.merge(band(e - now), 1, Integer::sum);
            if (n > PER_BAND || kept >= MAX - 1) drop.add(e);
            else kept++;
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
