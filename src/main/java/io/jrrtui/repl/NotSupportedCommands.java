package io.jrrtui.repl;

import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.List;

/**
 * gdb commands jrrtui does not have, each answering with why instead of "Undefined command", so
 * that a gdb user or script learns what to do instead.
 */
final class NotSupportedCommands {
    private NotSupportedCommands() {}

    private static final String[][] REASONS = {
        {"python", "Python scripting is not supported in jrrtui (it has no embedded interpreter); use a command file with \"source\"."},
        {"define", "User-defined commands are not supported in jrrtui; put the commands in a file and use \"source\"."},
        {"jump", "jump cannot run in a replay: execution must follow the recording, and continuing elsewhere would diverge "
            + "from it. Use \"goto\", \"until\" or \"advance\" to move to a place the program reached."},
        {"return", "return cannot change a replay: the recording decides what each function returns. Use \"finish\"."},
        {"signal", "signal cannot deliver a signal in a replay: the recording decides which signals arrive."},
        {"kill", "There is no live process to kill: the replay stays. Use \"quit\" to leave."},
        {"attach", "jrrtui debugs recordings: record the program with \"jrrtui record\" and replay the trace."},
    };

    static List<ReplCommand> all() {
        List<ReplCommand> out = new ArrayList<>();
        for (String[] r : REASONS) {
            String reason = r[1];
            out.add(Cmd.of(r[0], "Refused: " + firstClause(reason)).does((a, o) -> {
                throw new JrrException(reason);
            }));
        }
        return out;
    }

    /** The reason up to its first colon or full stop: help's one line. */
    private static String firstClause(String reason) {
        int end = reason.length();
        for (char stop : new char[] {':', '.'}) {
            int i = reason.indexOf(stop);
            if (i > 0) end = Math.min(end, i);
        }
        return reason.substring(0, end) + ".";
    }

}
