package io.jrrtui.tui;

import java.util.ArrayList;
import java.util.List;

/**
 * Threads of the recording (from the events), the one that ran the current event marked.
 * DebugSession has no thread selection, so this pane only shows.
 */
final class ThreadsPane extends Pane {
    private final TuiState state;

    ThreadsPane(TuiState state) {
        super(7, "Threads", 2);
        this.state = state;
    }

    @Override
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        int current = state.thread();
        int n = 1;
        for (int tid : state.events.threads()) {
            boolean cur = tid == current;
            String where = cur && state.where() != null ? "  " + describeWhere() : "";
            rows.add(new Row(cur ? "*" : " ", cur ? Role.CURRENT : Role.TEXT, String.format("%d  thread %d%s", n++, tid, where),
                    cur ? Role.CURRENT : Role.TEXT));
        }
        if (rows.isEmpty()) rows.add(Row.of("(no threads)", Role.DIM));
        return rows;
    }

    private String describeWhere() {
        var w = state.where();
        return (w.function() == null ? String.format("0x%x", w.pc()) : w.function())
                + (w.hasLine() ? " at " + TuiState.baseName(w.file()) + ":" + w.line() : "");
    }
}
