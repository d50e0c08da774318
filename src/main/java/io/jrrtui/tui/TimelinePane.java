package io.jrrtui.tui;

import com.googlecode.lanterna.input.KeyStroke;
import io.jrrtui.api.EventSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The events around the cursor (number, kind, thread, summary) under the scrubber bar. The cursor
 * is an event number; Enter goes there.
 */
final class TimelinePane extends Pane {
    private final TuiState state;
    final Scrubber scrubber = new Scrubber();
    long cursorEvent = 1;
    private int lastHeight = 1;
    /** Asks for the summaries of events first..last (they arrive later, in the event index's window). */
    private BiConsumer<Long, Long> fetcher = (first, last) -> {};

    TimelinePane(TuiState state) {
        super(4, "Timeline", 4);
        this.state = state;
    }

    /** The filter's text and the events it matched, or null (all events). */
    private String filter;
    private List<EventSummary> matched;

    void fetchWith(BiConsumer<Long, Long> f) {
        fetcher = f;
    }

    void setFilter(String text, List<EventSummary> events) {
        filter = text;
        matched = events;
        if (matched != null && !matched.isEmpty()) {
            int i = 0;
            while (i < matched.size() - 1 && matched.get(i).number() < cursorEvent) i++;
            cursorEvent = matched.get(i).number();
        }
    }

    /**
     * Whether e matches a filter: "t123" is a thread; a syscall's name matches that syscall only (not
     * "write" inside PROT_WRITE); else its kind or text contains q (any case).
     */
    static boolean matches(EventSummary e, String q) {
        if (q.matches("t\\d+")) return Long.toString(e.tid()).equals(q.substring(1));
        if (io.jrrtui.arch.Syscalls.number(q) >= 0) return e.summary().startsWith(q + "(");
        String l = q.toLowerCase(java.util.Locale.ROOT);
        return e.kind().equalsIgnoreCase(q) || e.summary().toLowerCase(java.util.Locale.ROOT).contains(l);
    }

    @Override
    String subtitle() {
        if (matched != null) return "filter \"" + filter + "\": " + matched.size() + " events  (/ Enter clears)";
        return "cursor at event " + cursorEvent + "  [" + Scrubber.LEGEND + "]";
    }

    Scrubber.Cell[] scrubberCells(int width) {
        return scrubber.cells(width, state.events, state.stops, state.event(), cursorEvent);
    }

    void follow() {
        cursorEvent = Math.max(1, state.event());
    }

    @Override
    List<Row> rows() {
        return visibleRows(lastHeight);
    }

    /** Rows for events centred on the cursor; the first row of the pane is the scrubber, drawn by the view. */
    @Override
    List<Row> visibleRows(int height) {
        lastHeight = Math.max(1, height);
        if (matched != null) return filteredRows(height);
        long count = state.eventCount();
        long first = Math.max(1, Math.min(cursorEvent - height / 2, count - height + 1));
        List<Row> rows = new ArrayList<>();
        if (!state.events.covers(first, first + height - 1)) fetcher.accept(first, first + height - 1);
        for (long n = first; n <= count && rows.size() < height; n++) {
            EventSummary e = state.events.get(n);
            String text = e == null ? String.format("%7d  %-8s t%-6d", n, "...", state.events.tid(n))
                    : String.format("%7d  %-8s t%-6d %s", n, e.kind(), e.tid(), e.summary());
            rows.add(row(n, text));
        }
        top = (int) (first - 1);
        cursor = (int) (cursorEvent - 1);
        return rows;
    }

    private int matchIndex() {
        int i = 0;
        while (i < matched.size() - 1 && matched.get(i).number() < cursorEvent) i++;
        return i;
    }

    private List<Row> filteredRows(int height) {
        List<Row> rows = new ArrayList<>();
        if (matched.isEmpty()) {
            rows.add(Row.of("(no event matches \"" + filter + "\")", Role.DIM));
            return padded(rows, height);
        }
        int at = matchIndex();
        int first = Math.max(0, Math.min(at - height / 2, matched.size() - height));
        for (int i = first; i < matched.size() && rows.size() < height; i++) {
            EventSummary e = matched.get(i);
            rows.add(row(e.number(), String.format("%7d  %-8s t%-6d %s", e.number(), e.kind(), e.tid(), e.summary())));
        }
        top = first;
        cursor = at;
        return padded(rows, height);
    }

    /** One event's row: its scrubber mark (blank for plain events) and '>' where we are. */
    private Row row(long n, String text) {
        boolean now = n == state.event();
        char m = Scrubber.markOf(n, state.events, state.stops);
        String mark = (m == Scrubber.PLAIN ? " " : String.valueOf(m)) + (now ? ">" : " ");
        return new Row(mark, state.stops.contains(n) ? Role.BREAKPOINT : now ? Role.CURRENT : Role.DIM, text,
                now ? Role.CURRENT : Role.TEXT);
    }

    /** Blank rows to the pane's height: the painter draws rows only, and a short list must hide the old ones. */
    private static List<Row> padded(List<Row> rows, int height) {
        while (rows.size() < height) rows.add(Row.of("", Role.TEXT));
        return rows;
    }

    @Override
    boolean navigate(KeyStroke k, int height) {
        if (matched != null && !matched.isEmpty()) {
            int i = matchIndex();
            switch (k.getKeyType()) {
                case ArrowUp -> i--;
                case ArrowDown -> i++;
                case PageUp -> i -= Math.max(1, height - 2);
                case PageDown -> i += Math.max(1, height - 2);
                case Home -> i = 0;
                case End -> i = matched.size() - 1;
                default -> {
                    return false;
                }
            }
            cursorEvent = matched.get(Math.max(0, Math.min(matched.size() - 1, i))).number();
            return true;
        }
        long count = Math.max(1, state.eventCount());
        long page = Math.max(1, height - 2);
        long step = Math.max(1, count / 50);
        switch (k.getKeyType()) {
            case ArrowUp -> cursorEvent--;
            case ArrowDown -> cursorEvent++;
            case ArrowLeft -> cursorEvent -= step;
            case ArrowRight -> cursorEvent += step;
            case PageUp -> cursorEvent -= page;
            case PageDown -> cursorEvent += page;
            case Home -> cursorEvent = 1;
            case End -> cursorEvent = count;
            default -> {
                return false;
            }
        }
        cursorEvent = Math.max(1, Math.min(count, cursorEvent));
        return true;
    }
}
