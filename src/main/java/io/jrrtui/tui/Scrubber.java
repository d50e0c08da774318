package io.jrrtui.tui;

/**
 * The one-row bar over the whole recording: each cell covers an equal share of the events and shows
 * the most telling thing that happened in them (see {@link #markOf}), where we are ('@') and where
 * the timeline cursor is ('^').
 */
final class Scrubber {
    /** One cell: its character and role. */
    record Cell(char ch, Role role) {}

    static final char PLAIN = '.', OUTPUT = 'o', THREAD = 'T', SIGNAL = 'S', WATCH = 'W', HIT = 'B', CURRENT = '@', CURSOR = '^';
    /** The one-line legend of the marks, for the pane's title. */
    static final String LEGEND = CURRENT + " now " + CURSOR + " cursor " + HIT + " break " + WATCH + " watch "
            + SIGNAL + " signal " + THREAD + " thread switch " + OUTPUT + " output";

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

    /**
     * What event n is marked with, the rarer and more telling first: a breakpoint stop seen in this
     * session, a watchpoint's write (a stop, or a point of a value's history), a signal, a switch to
     * another thread than the event before's, output; else PLAIN.
     */
    static char markOf(long n, EventIndex events, Stops stops) {
        if (stops.breakpoints().contains(n)) return HIT;
        if (stops.writes().contains(n)) return WATCH;
        if (events.signal(n)) return SIGNAL;
        if (n > 1 && events.tid(n) != 0 && events.tid(n - 1) != 0 && events.tid(n) != events.tid(n - 1)) return THREAD;
        return events.outputStream(n) != 0 ? OUTPUT : PLAIN;
    }

    /** The bolder marks (stops, writes, signals) stand out; thread switches and output are quieter. */
    static Role roleOf(char mark) {
        return switch (mark) {
            case HIT, WATCH, SIGNAL -> Role.SCRUBBER_HIT;
            case OUTPUT, THREAD -> Role.SCRUBBER_OUTPUT;
            default -> Role.SCRUBBER;
        };
    }

    Cell[] cells(int width, EventIndex events, Stops stops, long current, long cursor) {
        long count = events.count();
        if (width <= 0) return new Cell[0];
        if (width != cachedWidth || stops.size() != cachedHits || count != cachedCount) {
            cachedBase = base(width, events, stops);
            cachedWidth = width;
            cachedHits = stops.size();
            cachedCount = count;
        }
        Cell[] out = new Cell[width];
        for (int i = 0; i < width; i++) {
            char c = cachedBase[i];
            out[i] = new Cell(c, roleOf(c));
        }
        if (count > 0) {
            out[cellOf(cursor, width, count)] = new Cell(CURSOR, Role.SCRUBBER_CURSOR);
            out[cellOf(current, width, count)] = new Cell(CURRENT, Role.SCRUBBER_CURRENT);
        }
        return out;
    }

    /** Each event marks the one cell it falls in; of a cell's events the highest-ranked mark wins. */
    private static char[] base(int width, EventIndex events, Stops stops) {
        long count = events.count();
        char[] base = new char[width];
        // cells between events (fewer events than cells) are drawn plain too, so the bar stays whole
        for (int i = 0; i < width; i++) base[i] = count > 0 ? PLAIN : ' ';
        if (count <= 0) return base;
        for (long n = 1; n <= events.known(); n++) {
            int c = cellOf(n, width, count);
            char m = markOf(n, events, stops);
            if (RANK.indexOf(m) > RANK.indexOf(base[c])) base[c] = m;
        }
        for (long h : stops.breakpoints()) if (h >= 1 && h <= count) base[cellOf(h, width, count)] = HIT;
        for (long h : stops.writes()) {
            int c = h >= 1 && h <= count ? cellOf(h, width, count) : -1;
            if (c >= 0 && base[c] != HIT) base[c] = WATCH;
        }
        return base;
    }

    /** Marks from least to most telling. */
    private static final String RANK = "" + PLAIN + OUTPUT + THREAD + SIGNAL + WATCH + HIT;
}
