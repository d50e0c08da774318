package io.jrrtui.tui;

/** What a piece of screen text is, so a theme can colour it. Property names are the lower-case names with '.' for '_'. */
enum Role {
    TEXT, DIM, TITLE, TITLE_FOCUSED, CURRENT, CURSOR, BREAKPOINT, CHANGED, ERROR,
    STATUS, STATUS_BUSY, PROMPT, SCRUBBER, SCRUBBER_CURRENT, SCRUBBER_HIT, SCRUBBER_OUTPUT, SCRUBBER_CURSOR,
    HELP, SEPARATOR;

    String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }
}
