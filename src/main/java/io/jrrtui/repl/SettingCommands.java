package io.jrrtui.repl;

import io.jrrtui.util.JrrException;
import java.util.List;

/** set and show: gdb's settings (see {@link Settings}); assignments are refused with the reason. */
final class SettingCommands {
    private SettingCommands() {}

    static List<ReplCommand> all(ReplContext c) {
        return List.of(
                Cmd.of("set", "Evaluate expression EXP and assign result to variable VAR, or change a setting.")
                        .usage("set SETTING VALUE (pagination, confirm, width, height, listsize, print pretty,\n"
                                + "print elements, ...)\nset var VAR = EXP is refused: a replay cannot change the recorded values.")
                        .does((a, out) -> set(c, a.strip())),
                Cmd.of("show", "Generic command for showing things about the debugger.").usage("show SETTING")
                        .does((a, out) -> out.println(c.settings.show(Args.require(a, "Argument required (a setting name).")))));
    }

    private static void set(ReplContext c, String args) {
        Args.require(args, "Argument required (expression to compute).");
        if (c.settings.set(args)) return;
        if (args.startsWith("var ") || args.startsWith("variable ") || args.contains("=")) {
            throw new JrrException("Cannot change the program's memory or registers in a replay: every value comes from the "
                    + "recording, and a changed one would make the replay diverge from it.");
        }
        throw new JrrException("Undefined set command: \"" + args + "\".  Try \"help set\".");
    }
}
