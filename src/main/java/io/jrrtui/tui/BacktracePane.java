package io.jrrtui.tui;

import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The call stack; Enter selects the frame under the cursor. */
final class BacktracePane extends Pane {
    private final TuiState state;

    BacktracePane(TuiState state) {
        super(6, "Backtrace", 3);
        this.state = state;
    }

    List<FrameInfo> frames() {
        return state.snapshot == null ? List.of() : state.snapshot.frames();
    }

    /** The frame under the cursor, or null. */
    FrameInfo selected() {
        List<FrameInfo> f = frames();
        return cursor >= 0 && cursor < f.size() ? f.get(cursor) : null;
    }

    void follow(int height) {
        FrameInfo sel = state.snapshot == null ? null : state.snapshot.selected();
        focusRow(sel == null ? 0 : sel.level(), height);
    }

    @Override
    List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        int selected = state.snapshot == null || state.snapshot.selected() == null ? 0 : state.snapshot.selected().level();
        for (FrameInfo f : frames()) {
            boolean sel = f.level() == selected;
            rows.add(new Row(sel ? ">" : " ", sel ? Role.CURRENT : Role.TEXT, describe(f), sel ? Role.CURRENT : Role.TEXT));
        }
        if (rows.isEmpty()) rows.add(Row.of("(no stack)", Role.DIM));
        return rows;
    }

    static String describe(FrameInfo f) {
        SourceLocation w = f.where();
        String args = f.args().stream().map(v -> v.name() + "=" + v.value()).collect(Collectors.joining(", "));
        String fn = w.function() == null ? String.format("0x%x", w.pc()) : w.function();
        return "#" + f.level() + "  " + fn + " (" + args + ")" + (w.hasLine() ? " at " + TuiState.baseName(w.file()) + ":" + w.line() : "");
    }
}
