package io.jrrtui.tui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;

/**
 * A titled, scrollable list of rows with a cursor. Subclasses say what the rows are and what Enter
 * does; moving the cursor and scrolling are shared.
 */
abstract class Pane {
    final int number;
    final String name;
    boolean hidden;
    int weight;
    /** Index of the selected row, and of the first row shown. */
    int cursor;
    int top;

    Pane(int number, String name, int weight) {
        this.number = number;
        this.name = name;
        this.weight = weight;
    }

    /** The title bar text after the number and name ("dbg_corrupt.c:37"). */
    String subtitle() {
        return "";
    }

    abstract List<Row> rows();

    /** Rows to draw in a pane height rows tall (the scrolled window of {@link #rows()} by default). */
    List<Row> visibleRows(int height) {
        List<Row> all = rows();
        cursor = Math.max(0, Math.min(cursor, all.size() - 1));
        if (cursor < top) top = cursor;
        if (cursor >= top + height) top = cursor - height + 1;
        top = Math.max(0, Math.min(top, Math.max(0, all.size() - height)));
        return all.subList(top, Math.min(all.size(), top + height));
    }

    /** Index within {@link #visibleRows} of the cursor row, or -1. */
    int cursorRowOnScreen() {
        return cursor - top;
    }

    /** Moves the cursor for a navigation key; false when k is not one. */
    boolean navigate(KeyStroke k, int height) {
        int size = rows().size();
        int page = Math.max(1, height - 1);
        switch (k.getKeyType()) {
            case ArrowUp -> cursor--;
            case ArrowDown -> cursor++;
            case PageUp -> cursor -= page;
            case PageDown -> cursor += page;
            case Home -> cursor = 0;
            case End -> cursor = size - 1;
            default -> {
                return false;
            }
        }
        cursor = Math.max(0, Math.min(cursor, size - 1));
        return true;
    }

    /** Puts the cursor on row index and centres it when it is off screen. */
    void focusRow(int index, int height) {
        cursor = Math.max(0, index);
        if (cursor < top || cursor >= top + height) top = Math.max(0, cursor - height / 2);
    }
}
