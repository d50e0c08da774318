package io.jrrtui.tui;

import java.util.List;

/**
 * What the panes say once the program has ended (there is no pc, stack or source any more): how it
 * ended, and the way back to its last moment, instead of "0x0000000000000000 in ?? ()".
 */
final class EndOfRecording {
    private EndOfRecording() {}

    /** "The program exited with status 0 at event 54." (how it ended unknown: "has ended"). */
    static String line(Snapshot s) {
        return "The program " + (s.ending() == null ? "has ended" : s.ending()) + " at event " + s.event() + ".";
    }

    static List<Row> rows(Snapshot s) {
        long last = Math.max(1, s.event() - 1);
        return List.of(Row.of(line(s), Role.TEXT),
                Row.of("Its last moment with a stack is before that: [ (or g " + last + ") goes back there.", Role.DIM));
    }
}
