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
                        .does((a, out) -> show(c, Args.require(a, "Argument required (a setting name)."), out)));
    }

    /** show version in gdb's shape, saying jrrtui's own version (gdb is not part of it). */
    static String version() {
        return "jrrtui " + io.jrrtui.util.ProductVersion.VERSION + "\n"
                + "A record and replay debugger for Linux x86-64 programs, with gdb's commands; it does not run gdb.\n"
                + "This jrrtui was configured as \"x86_64-linux-gnu\".\n"
                + "For help, type \"help\".\n";
    }

    private static void show(ReplContext c, String args, java.io.PrintStream out) {
        String substitute = Args.afterKeyword(args, "substitute-path", "substitute-path".length());
        if (substitute != null) SourcePathCommands.showSubstitute(c, substitute, out);
        else if (Args.afterKeyword(args, "directories", "directories".length()) != null) out.println(SourcePathCommands.showDirectories(c));
        else if (args.strip().equals("version")) out.print(version());
        else out.println(c.settings.show(args));
    }

    private static void set(ReplContext c, String args) {
        Args.require(args, "Argument required (expression to compute).");
        String substitute = Args.afterKeyword(args, "substitute-path", "substitute-path".length());
        if (substitute != null) {
            SourcePathCommands.setSubstitute(c, substitute);
            return;
        }
        if (c.settings.set(args)) {
            if (args.startsWith("print object")) c.session.setPrintObject(c.settings.printObject());
            return;
        }
        if (args.startsWith("var ") || args.startsWith("variable ") || args.contains("=")) {
            throw new JrrException("Cannot change the program's memory or registers in a replay: every value comes from the "
                    + "recording, and a changed one would make the replay diverge from it.");
        }
        throw new JrrException("Undefined set command: \"" + args + "\".  Try \"help set\".");
    }
}
