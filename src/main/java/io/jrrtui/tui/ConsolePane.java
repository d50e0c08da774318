package io.jrrtui.tui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The command line's transcript: commands typed with ':', their output, stop reports and errors. */
final class ConsolePane extends Pane {
    static final int MAX_LINES = 5000;
    private final Deque<Row> lines = new ArrayDeque<>();

    ConsolePane() {
        super(9, "Console", 3);
    }

    @Override
    String subtitle() {
        return ": for a command";
    }

    void append(String text, Role role) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : body.split("\n", -1)) {
            lines.addLast(Row.of(line.replace("\t", "    "), role));
            if (lines.size() > MAX_LINES) lines.removeFirst();
        }
        cursor = lines.size() - 1;
    }

    @Override
    List<Row> rows() {
        return new ArrayList<>(lines);
    }
}
