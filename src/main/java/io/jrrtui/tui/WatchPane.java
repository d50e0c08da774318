package io.jrrtui.tui;

import java.util.ArrayList;
import java.util.List;

/** Watch expressions printed at every stop; values changed since the previous stop highlighted. */
final class WatchPane extends Pane {
    private final TuiState state;

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
        if (rows.isEmpty()) rows.add(Row.of("(no watches: press w)", Role.DIM));
        return rows;
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
