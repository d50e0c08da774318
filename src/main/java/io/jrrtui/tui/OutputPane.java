package io.jrrtui.tui;

import io.jrrtui.api.OutputChunk;
import java.util.ArrayList;
import java.util.List;

/** What the program wrote up to now, one row per line with the event that wrote it; Enter goes to that event. */
final class OutputPane extends Pane {
    /** One output line and the event that wrote it. */
    record Line(long event, int stream, String text) {}

    private final TuiState state;
    private List<Line> lines = List.of();
    private Snapshot builtFor;

    OutputPane(TuiState state) {
        super(8, "Output", 4);
        this.state = state;
    }

    List<Line> lines() {
        if (builtFor != state.snapshot) {
            builtFor = state.snapshot;
            lines = split(state.snapshot == null ? List.of() : state.snapshot.output());
        }
        return lines;
    }

    static List<Line> split(List<OutputChunk> chunks) {
        List<Line> out = new ArrayList<>();
        for (OutputChunk c : chunks) {
            String[] parts = c.text().split("\n", -1);
            int n = parts.length;
            if (n > 1 && parts[n - 1].isEmpty()) n--;
            for (int i = 0; i < n; i++) out.add(new Line(c.event(), c.stream(), parts[i]));
        }
        return out;
    }

    /** The line under the cursor, or null. */
    Line selected() {
        List<Line> l = lines();
        return cursor >= 0 && cursor < l.size() ? l.get(cursor) : null;
    }

    void follow(int height) {
        focusRow(lines().size() - 1, height);
    }

    @Override
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (Line l : lines()) {
            rows.add(new Row(String.format("%6d ", l.event()), Role.DIM, l.text(), l.stream() == 2 ? Role.ERROR : Role.TEXT));
        }
        if (rows.isEmpty()) rows.add(Row.of("(no output yet)", Role.DIM));
        return rows;
    }
}
