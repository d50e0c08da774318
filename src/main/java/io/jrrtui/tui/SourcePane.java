package io.jrrtui.tui;

import io.jrrtui.api.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * The source file of the selected frame with the current line and breakpoints marked. Where there
 * is no source it says so in one line while the Disassembly pane is shown (the same instructions
 * twice help nobody), and shows the disassembly itself when that pane is hidden.
 */
final class SourcePane extends Pane {
    private final TuiState state;
    private final DisassemblyPane fallback;
    /** The file the cursor moves in (follows the selected frame at each stop). */
    private String file;
    /** The selected frame's file:line at the last follow. */
    private String followed;

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
        String shows = fallback.hidden ? ": disassembly" : "";
        if (lines() == null) return (w == null || w.file() == null ? "no source" : TuiState.baseName(w.file()) + " not found") + shows;
        return TuiState.baseName(file) + (w != null && w.hasLine() ? ":" + w.line() : "");
    }

    /** At a new stop: show the current file with the cursor on the current line. */
    /**
     * After a move the cursor goes to the current line; after a change in place (a breakpoint
     * toggled, a watch added) it stays where the user put it, unless the selected line changed
     * (another frame or thread).
     */
    void follow(int height, boolean moved) {
        SourceLocation w = state.where();
        String now = w == null ? null : w.file() + ":" + w.line();
        boolean stay = !moved && now != null && now.equals(followed) && lines() != null;
        followed = now;
        if (stay) return;
        file = w == null ? null : w.file();
        if (w != null && w.hasLine() && lines() != null) focusRow(w.line() - 1, height);
        else if (lines() == null && fallback.hidden) fallback.follow(this, height);
        else if (lines() == null) focusRow(0, height);
    }

    private List<Row> noSource() {
        SourceLocation w = state.where();
        if (state.snapshot != null && state.snapshot.exited()) return EndOfRecording.rows(state.snapshot);
        String fn = w == null || w.function() == null ? "this code" : w.function();
        String why = w == null || w.file() == null ? "has no line information" : TuiState.baseName(w.file()) + " is not on this machine";
        return List.of(Row.of("No source: " + fn + " " + why + ".", Role.DIM),
                Row.of("Its instructions are in the Disassembly pane (2); a jump or 'up' selects a frame with source.", Role.DIM));
    }

    @Override
    List<Row> rows() {
        List<String> lines = lines();
        if (lines == null && fallback.hidden) return fallback.rows();
        if (lines == null) return noSource();
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
