package io.jrrtui.tui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each visible pane goes: two columns (left share adjustable), each pane's height by its
 * weight with at least a title and one row; panes that do not fit get no room. The last screen
 * row is the status line.
 */
final class PaneLayout {
    /** A pane's rectangle: title row at top, content rows below. */
    record Rect(int left, int top, int width, int height) {}

    static final int MIN_HEIGHT = 2;
    final List<Pane> leftColumn;
    final List<Pane> rightColumn;
    int leftPercent = 62;

    PaneLayout(List<Pane> leftColumn, List<Pane> rightColumn) {
        this.leftColumn = leftColumn;
        this.rightColumn = rightColumn;
    }

    /** The separator column between the two columns, or -1 when one column takes the whole width. */
    int separatorColumn(int width) {
        boolean l = leftColumn.stream().anyMatch(p -> !p.hidden), r = rightColumn.stream().anyMatch(p -> !p.hidden);
        return l && r ? Math.max(10, Math.min(width - 11, width * leftPercent / 100)) : -1;
    }

    Map<Pane, Rect> place(int width, int height) {
        Map<Pane, Rect> out = new LinkedHashMap<>();
        int rows = Math.max(0, height - 1);
        int sep = separatorColumn(width);
        if (sep < 0) {
            List<Pane> all = new ArrayList<>(leftColumn);
            all.addAll(rightColumn);
            column(all, 0, width, rows, out);
        } else {
            column(leftColumn, 0, sep, rows, out);
            column(rightColumn, sep + 1, width - sep - 1, rows, out);
        }
        return out;
    }

    private static void column(List<Pane> panes, int left, int width, int rows, Map<Pane, Rect> out) {
        List<Pane> shown = new ArrayList<>();
        for (Pane p : panes) if (!p.hidden) shown.add(p);
        while (shown.size() * MIN_HEIGHT > rows && !shown.isEmpty()) shown.remove(shown.size() - 1);
        if (shown.isEmpty()) return;
        int extra = rows - shown.size() * MIN_HEIGHT;
        int weights = shown.stream().mapToInt(p -> p.weight).sum();
        int[] h = new int[shown.size()];
        int used = 0;
        for (int i = 0; i < h.length; i++) {
            h[i] = MIN_HEIGHT + extra * shown.get(i).weight / weights;
            used += h[i];
        }
        for (int i = 0; used < rows; i = (i + 1) % h.length, used++) h[i]++;
        int top = 0;
        for (int i = 0; i < h.length; i++) {
            out.put(shown.get(i), new Rect(left, top, width, h[i]));
            top += h[i];
        }
    }
}
