package io.jrrtui.tui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The nine panes, their layout, which one has the focus, and where they were last drawn. GUI thread only. */
final class Panes {
    final DisassemblyPane disassembly;
    final SourcePane source;
    final RegistersPane registers;
    final TimelinePane timeline;
    final WatchPane watch;
    final BacktracePane backtrace;
    final ThreadsPane threads;
    final OutputPane output;
    final ConsolePane console = new ConsolePane();
    /** In number order: pane N is all.get(N - 1). */
    final List<Pane> all;
    final PaneLayout layout;
    Pane focus;
    /** Content heights of the panes as last drawn (for paging). */
    final Map<Pane, Integer> heights = new HashMap<>();
    /** Pane rectangles as last drawn, for mouse clicks. */
    Map<Pane, PaneLayout.Rect> rects = Map.of();

    Panes(TuiState state) {
        disassembly = new DisassemblyPane(state);
        source = new SourcePane(state, disassembly);
        registers = new RegistersPane(state);
        timeline = new TimelinePane(state);
        watch = new WatchPane(state);
        backtrace = new BacktracePane(state);
        threads = new ThreadsPane(state);
        output = new OutputPane(state);
        all = List.of(source, disassembly, registers, timeline, watch, backtrace, threads, output, console);
        layout = new PaneLayout(List.of(source, disassembly, timeline, console), List.of(registers, watch, backtrace, threads, output));
        focus = source;
    }

    int height(Pane p) {
        return Math.max(1, heights.getOrDefault(p, 10));
    }

    /** After a stop: each pane shows the new position (moved) or keeps its scroll (not moved). */
    void follow(boolean moved) {
        source.follow(height(source), moved);
        if (!moved) return;
        disassembly.follow(disassembly, height(disassembly));
        timeline.follow();
        backtrace.follow(height(backtrace));
        output.follow(height(output));
    }

    void cycleFocus(int delta) {
        int i = all.indexOf(focus);
        for (int n = 0; n < all.size(); n++) {
            i = Math.floorMod(i + delta, all.size());
            if (!all.get(i).hidden) {
                focus = all.get(i);
                return;
            }
        }
    }

    /** Hides the focused pane unless it is the last one shown; returns what to tell the user. */
    String hideFocused() {
        if (all.stream().filter(p -> !p.hidden).count() <= 1) return "cannot hide the last pane";
        Pane p = focus;
        p.hidden = true;
        cycleFocus(1);
        return p.name + " hidden (" + p.number + " or H shows it)";
    }

    /** Focuses pane number n (1-9), showing it if hidden. */
    void focus(int n) {
        Pane p = all.get(n - 1);
        p.hidden = false;
        focus = p;
    }

    /** The pane at a screen cell, or null. */
    Pane at(int col, int row) {
        for (Map.Entry<Pane, PaneLayout.Rect> e : rects.entrySet()) {
            PaneLayout.Rect r = e.getValue();
            if (col >= r.left() && col < r.left() + r.width() && row >= r.top() && row < r.top() + r.height()) return e.getKey();
        }
        return null;
    }
}
