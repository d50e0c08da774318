package io.jrrtui.tui;

import io.jrrtui.api.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** The source file of the selected frame with the current line and breakpoints marked; disassembly where there is no source. */
final class SourcePane extends Pane {
    private final TuiState state;
    private final DisassemblyPane fallback;
    /** The file the cursor moves in (follows the selected frame at each stop). */
    private String file;

    SourcePane(TuiState state, DisassemblyPane fallback) {
        super(1, "Source", 6);
        this.state = state;
        this.fallback = fallback;
    }

    private List<String> lines() {
        return state.sources.lines(file);
    }

    String file() {
        return lines() == null ? null : file;
    }

    /** The 1-based line under the cursor, or 0 without source. */
    int selectedLine() {
        return lines() == null ? 0 : cursor + 1;
    }

    @Override
    String subtitle() {
        SourceLocation w = state.where();
        if (lines() == null) return w == null || w.file() == null ? "no source: disassembly" : TuiState.baseName(w.file()) + " not found: disassembly";
        return TuiState.baseName(file) + (w != null && w.hasLine() ? ":" + w.line() : "");
    }

    /** At a new stop: show the current file with the cursor on the current line. */
    void follow(int height) {
        SourceLocation w = state.where();
        file = w == null ? null : w.file();
        if (w != null && w.hasLine() && lines() != null) focusRow(w.line() - 1, height);
        else if (lines() == null) fallback.follow(this, height);
    }

    @Override
    List<Row> rows() {
        List<String> lines = lines();
        if (lines == null) return fallback.rows();
        SourceLocation w = state.where();
        int current = w != null && w.hasLine() && TuiState.sameFile(w.file(), file) ? w.line() : 0;
        List<Row> rows = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            boolean bp = state.breakpointAt(file, n);
            String mark = (bp ? "B" : " ") + (n == current ? ">" : " ");
            Role markRole = bp ? Role.BREAKPOINT : n == current ? Role.CURRENT : Role.DIM;
            rows.add(new Row(mark, markRole, String.format("%4d  %s", n, lines.get(i)), n == current ? Role.CURRENT : Role.TEXT));
        }
        return rows;
    }
}
