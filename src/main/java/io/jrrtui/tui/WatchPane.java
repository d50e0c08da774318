package io.jrrtui.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * Watch expressions printed at every stop, values changed since the previous stop highlighted; then
 * the watchpoints (set with w's list or from the console, {@code watch -l x}), each with its value over
 * the whole recording: a sparkline row, a marker row under the chosen write (Left/Right pick one,
 * Enter goes to it) and that write's event and value.
 */
final class WatchPane extends Pane {
    /** Rows per watchpoint: title, sparkline, marker, chosen write. */
    static final int BLOCK = 4;
    private final TuiState state;
    /** The pane's inner width, set when it is drawn. */
    int width = 60;
    /** The chosen write of each watched expression's history. */
    private final java.util.Map<String, Integer> chosen = new java.util.HashMap<>();

    WatchPane(TuiState state) {
        super(5, "Watch", 3);
        this.state = state;
    }

    @Override
    String subtitle() {
        return "w add  d remove";
    }

    @Override
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        Snapshot s = state.snapshot;
        for (int i = 0; i < state.watches.size(); i++) {
            String expr = state.watches.get(i);
            String value = s != null && i < s.watches().size() && s.watches().get(i).equals(expr) ? s.watchValues().get(i) : "...";
            String old = previousValue(expr);
            // a value that could not be read before (out of scope) is new, not changed
            boolean changed = old != null && !old.startsWith("<") && !old.equals(value);
            boolean error = value.startsWith("<");
            rows.add(new Row(changed ? "*" : " ", changed ? Role.CHANGED : Role.TEXT,
                    expr + " = " + value + (changed ? "   (was " + old + ")" : ""),
                    changed ? Role.CHANGED : error ? Role.ERROR : Role.TEXT));
        }
        for (io.jrrtui.api.BreakpointInfo b : watchpoints()) rows.addAll(block(b));
        if (rows.isEmpty()) rows.add(Row.of("(no watches: press w)", Role.DIM));
        return rows;
    }

    /** The session's watchpoints (console {@code watch}, {@code watch -l}, rwatch, awatch). */
    List<io.jrrtui.api.BreakpointInfo> watchpoints() {
        List<io.jrrtui.api.BreakpointInfo> out = new ArrayList<>();
        if (state.snapshot == null) return out;
        for (io.jrrtui.api.BreakpointInfo b : state.snapshot.breakpoints()) if (b.type().contains("watchpoint")) out.add(b);
        return out;
    }

    private List<Row> block(io.jrrtui.api.BreakpointInfo b) {
        List<Row> rows = new ArrayList<>();
        ValueOverTime h = state.histories.get(watched(b));
        String head = "Watchpoint " + b.number() + ": " + b.what() + (b.enabled() ? "" : " (disabled)");
        if (h == null || h.points.isEmpty()) {
            rows.add(Row.of(head + (h == null ? "   (value over time: replaying...)" : "   (no history)"), Role.TEXT));
            rows.add(Row.of("", Role.DIM));
            rows.add(Row.of("", Role.DIM));
            rows.add(Row.of("", Role.DIM));
            return rows;
        }
        int w = Math.max(8, width - 3);
        int i = chosenPoint(h);
        rows.add(Row.of(head + "   " + h.range() + "   Left/Right pick a write, Enter goes there", Role.TEXT));
        rows.add(Row.of(h.line(w, state.eventCount()), Role.CHANGED));
        int col = h.columnOf(i, w, state.eventCount());
        rows.add(Row.of(" ".repeat(col) + "^", Role.CURRENT));
        io.jrrtui.api.ValuePoint p = h.points.get(i);
        rows.add(Row.of((i == 0 ? "start" : "write " + i + "/" + (h.points.size() - 1)) + " at event " + p.event() + ": "
                + watched(b) + " = " + p.value(), Role.TEXT));
        return rows;
    }

    /** The expression a watchpoint watches ("-location x" is shown for {@code watch -l x}). */
    static String watched(io.jrrtui.api.BreakpointInfo b) {
        String w = b.what();
        return w.startsWith("-location ") ? w.substring("-location ".length()) : w;
    }

    private int chosenPoint(ValueOverTime h) {
        int i = chosen.getOrDefault(h.expression, h.points.size() - 1);
        return Math.max(0, Math.min(i, h.points.size() - 1));
    }

    /** The watchpoint whose block the cursor is on, or null. */
    io.jrrtui.api.BreakpointInfo selectedWatchpoint() {
        int i = cursor - state.watches.size();
        List<io.jrrtui.api.BreakpointInfo> w = watchpoints();
        return i >= 0 && i / BLOCK < w.size() ? w.get(i / BLOCK) : null;
    }

    /** The chosen write of the selected watchpoint's history: (history, index), or null. */
    ValueOverTime selectedHistory() {
        io.jrrtui.api.BreakpointInfo b = selectedWatchpoint();
        return b == null ? null : state.histories.get(watched(b));
    }

    int chosenIndex(ValueOverTime h) {
        return chosenPoint(h);
    }

    @Override
    boolean navigate(com.googlecode.lanterna.input.KeyStroke k, int height) {
        ValueOverTime h = selectedHistory();
        var type = k.getKeyType();
        if (h != null && !h.points.isEmpty() && (type == com.googlecode.lanterna.input.KeyType.ArrowLeft
                || type == com.googlecode.lanterna.input.KeyType.ArrowRight)) {
            int step = type == com.googlecode.lanterna.input.KeyType.ArrowLeft ? -1 : 1;
            chosen.put(h.expression, Math.max(0, Math.min(h.points.size() - 1, chosenPoint(h) + step)));
            return true;
        }
        return super.navigate(k, height);
    }

    private String previousValue(String expr) {
        Snapshot p = state.previous;
        if (p == null) return null;
        int i = p.watches().indexOf(expr);
        return i < 0 ? null : p.watchValues().get(i);
    }

    /** The selected watch expression, or null. */
    String selected() {
        return cursor >= 0 && cursor < state.watches.size() ? state.watches.get(cursor) : null;
    }
}
