package io.jrrtui.tui;

import java.util.Set;

/**
 * The one-row bar over the whole recording: each cell covers an equal share of the events and shows
 * whether any of them wrote output ('o') or stopped at a breakpoint ('B'), where we are ('@') and
 * where the timeline cursor is ('^').
 */
final class Scrubber {
    /** One cell: its character and role. */
    record Cell(char ch, Role role) {}

    static final char PLAIN = '.', OUTPUT = 'o', HIT = 'B', CURRENT = '@', CURSOR = '^';

    private int cachedWidth = -1;
    private int cachedHits = -1;
    private long cachedCount = -1;
    private char[] cachedBase;

    /** The first event drawn in cell i (the smallest n with cellOf(n) == i); past lastEvent when none is. */
    static long firstEvent(int cell, int width, long count) {
        return 1 + ((long) cell * count + width - 1) / width;
    }

    static long lastEvent(int cell, int width, long count) {
        return Math.min(count, firstEvent(cell + 1, width, count) - 1);
    }

    /** The cell of event n. */
    static int cellOf(long n, int width, long count) {
        if (count <= 0 || width <= 0) return 0;
        int c = (int) ((n - 1) * width / count);
        return Math.max(0, Math.min(width - 1, c));
    }

    /** The event a click on column col lands on: the middle of its cell's events, or the next event after an empty cell. */
    static long eventAt(int col, int width, long count) {
        if (count <= 0) return 1;
        int c = Math.max(0, Math.min(width - 1, col));
        long first = Math.min(count, firstEvent(c, width, count)), last = lastEvent(c, width, count);
        return last < first ? first : (first + last) / 2;
    }

    Cell[] cells(int width, EventIndex events, Set<Long> hits, long current, long cursor) {
        long count = events.count();
        if (width <= 0) return new Cell[0];
        if (width != cachedWidth || hits.size() != cachedHits || count != cachedCount) {
            cachedBase = base(width, events, hits);
            cachedWidth = width;
            cachedHits = hits.size();
            cachedCount = count;
        }
        Cell[] out = new Cell[width];
        for (int i = 0; i < width; i++) {
            char c = cachedBase[i];
            out[i] = new Cell(c, c == HIT ? Role.SCRUBBER_HIT : c == OUTPUT ? Role.SCRUBBER_OUTPUT : Role.SCRUBBER);
        }
        if (count > 0) {
            out[cellOf(cursor, width, count)] = new Cell(CURSOR, Role.SCRUBBER_CURSOR);
            out[cellOf(current, width, count)] = new Cell(CURRENT, Role.SCRUBBER_CURRENT);
        }
        return out;
    }

    /** Each event marks the one cell it falls in: hits over output over plain events. */
    private static char[] base(int width, EventIndex events, Set<Long> hits) {
        long count = events.count();
        char[] base = new char[width];
        // cells between events (fewer events than cells) are drawn plain too, so the bar stays whole
        for (int i = 0; i < width; i++) base[i] = count > 0 ? PLAIN : ' ';
        if (count <= 0) return base;
        for (long n = 1; n <= events.known(); n++) {
            if (events.outputStream(n) != 0) base[cellOf(n, width, count)] = OUTPUT;
        }
        for (long h : hits) if (h >= 1 && h <= count) base[cellOf(h, width, count)] = HIT;
        return base;
    }
}
