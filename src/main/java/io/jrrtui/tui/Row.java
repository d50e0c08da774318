package io.jrrtui.tui;

/** One pane line: a margin mark (current line, breakpoint) and the text, each with its role. */
record Row(String mark, Role markRole, String text, Role role) {
    static Row plain(String text) {
        return new Row("", Role.TEXT, text, Role.TEXT);
    }

    static Row of(String text, Role role) {
        return new Row("", Role.TEXT, text, role);
    }
}
