package io.jrrtui.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Draws the workbench: panes with title bars, the column separator, the status line, prompt and help overlay. */
final class Painter {
    private final Workbench wb;
    private final Theme theme;
    private TerminalPosition cursor;

    Painter(Workbench wb, Theme theme) {
        this.wb = wb;
        this.theme = theme;
    }

    /** Where the terminal cursor goes (the prompt), or null to hide it. */
    TerminalPosition cursor() {
        return cursor;
    }

    void paint(TextGraphics g) {
        TerminalSize size = g.getSize();
        int w = size.getColumns(), h = size.getRows();
        use(g, Role.TEXT);
        g.fill(' ');
        Panes panes = wb.panes;
        Map<Pane, PaneLayout.Rect> rects = panes.layout.place(w, h);
        panes.rects = rects;
        panes.heights.clear();
        rects.forEach((p, r) -> panes.heights.put(p, Math.max(1, r.height() - 1 - (p == panes.timeline ? 1 : 0))));
        rects.forEach((p, r) -> pane(g, p, r));
        int sep = panes.layout.separatorColumn(w);
        if (sep >= 0) {
            use(g, Role.SEPARATOR);
            for (int y = 0; y < h - 1; y++) g.setCharacter(sep, y, '|');
        }
        status(g, w, h - 1);
        if (wb.helpShown) help(g, w, h);
    }

    private void pane(TextGraphics g, Pane p, PaneLayout.Rect r) {
        boolean focused = wb.panes.focus == p;
        Role titleRole = focused ? Role.TITLE_FOCUSED : Role.TITLE;
        String sub = p.subtitle();
        String title = "-" + p.number + " " + p.name + (sub.isEmpty() ? "" : ": " + sub) + " ";
        put(g, r.left(), r.top(), pad(title, r.width(), '-'), titleRole);
        int y = r.top() + 1;
        int height = r.height() - 1;
        if (p == wb.panes.timeline && height > 0) {
            Scrubber.Cell[] cells = wb.panes.timeline.scrubberCells(r.width());
            for (int i = 0; i < cells.length; i++) {
                use(g, cells[i].role());
                g.setCharacter(r.left() + i, y, cells[i].ch());
            }
            y++;
            height--;
        }
        if (height <= 0) return;
        if (p instanceof WatchPane wp) wp.width = r.width();
        List<Row> rows = p.visibleRows(height);
        int markWidth = 0;
        for (Row row : rows) markWidth = Math.max(markWidth, row.mark().length());
        int cursorRow = focused ? p.cursorRowOnScreen() : -1;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int x = r.left();
            if (markWidth > 0) {
                put(g, x, y + i, pad(row.mark(), markWidth, ' '), row.markRole());
                x += markWidth;
            }
            Role role = i == cursorRow ? Role.CURSOR : row.role();
            put(g, x, y + i, pad(" " + row.text(), r.width() - markWidth, ' '), role);
        }
    }

    private void status(TextGraphics g, int w, int y) {
        Workbench.Status s = wb.status();
        if (wb.prompt != null) {
            String text = wb.prompt.label() + wb.prompt.text();
            // a line longer than the screen scrolls so that the cursor stays visible
            int shift = Math.max(0, wb.prompt.cursorColumn() - (w - 1));
            put(g, 0, y, pad(text.substring(Math.min(shift, text.length())), w, ' '), Role.PROMPT);
            cursor = new TerminalPosition(wb.prompt.cursorColumn() - shift, y);
            return;
        }
        cursor = null;
        String right = s.busy() == null ? "" : " working: " + s.busy() + " ";
        String left = " " + s.position() + "  " + s.message();
        put(g, 0, y, pad(left, w - right.length(), ' '), Role.STATUS);
        if (!right.isEmpty()) put(g, w - right.length(), y, right, Role.STATUS_BUSY);
    }

    private void help(TextGraphics g, int w, int h) {
        List<String> lines = new ArrayList<>();
        lines.add("Keys (" + wb.keys.name() + " map)  -  any key closes this help");
        lines.add("");
        lines.addAll(wb.keys.helpRows());
        int boxW = Math.min(w - 2, lines.stream().mapToInt(String::length).max().orElse(20) + 4);
        int boxH = Math.min(h - 2, lines.size() + 2);
        int left = Math.max(0, (w - boxW) / 2), top = Math.max(0, (h - boxH) / 2);
        for (int i = 0; i < boxH; i++) {
            String text = i == 0 || i == boxH - 1 ? "+" + "-".repeat(boxW - 2) + "+"
                    : "| " + pad(i - 1 < lines.size() ? lines.get(i - 1) : "", boxW - 4, ' ') + " |";
            put(g, left, top + i, text, Role.HELP);
        }
    }

    private void put(TextGraphics g, int x, int y, String text, Role role) {
        use(g, role);
        g.putString(x, y, text);
    }

    private void use(TextGraphics g, Role role) {
        Theme.Style s = theme.style(role);
        g.setForegroundColor(s.fg());
        g.setBackgroundColor(s.bg());
        g.setModifiers(s.modifiers().isEmpty() ? EnumSet.noneOf(SGR.class) : EnumSet.copyOf(s.modifiers()));
    }

    /** text cut or padded with fill to exactly width characters (tabs shown as spaces). */
    static String pad(String text, int width, char fill) {
        if (width <= 0) return "";
        String t = text.replace('\t', ' ');
        if (t.length() >= width) return t.substring(0, width);
        return t + String.valueOf(fill).repeat(width - t.length());
    }

}
