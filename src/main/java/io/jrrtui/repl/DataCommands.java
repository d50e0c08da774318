package io.jrrtui.repl;

import io.jrrtui.repl.ReplCommand.Completion;
import io.jrrtui.repl.ReplCommand.Repeat;
import io.jrrtui.util.JrrException;
import java.io.PrintStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Looking at data and source: print, display, undisplay, x, ptype, list. */
final class DataCommands {
    /** "0x4010 <counter>:\t0x000001b3\t..." — the address a dump line starts at. */
    private static final Pattern DUMP_LINE = Pattern.compile("^(?:=> )?0x([0-9a-fA-F]{1,16})[^:]*:(.*)$");

    private DataCommands() {}

    static List<ReplCommand> all(ReplContext c) {
        return List.of(
                Cmd.of("print", "Print value of expression EXP.").alias("p", "inspect")
                        .usage("print[/FMT] [EXP]\nFMT is one of x d u o t a c f s z. Values are numbered $1, $2...;\n"
                                + "$ is the last, $$ the one before, $N value N. Without EXP, show the last value again.")
                        .complete(Completion.SYMBOL).does((a, out) -> print(c, a, out)),
                Cmd.of("call", "Call a function in the program: call FUNC(ARGS).")
                        .usage("call[/FMT] EXP\nLike print, but a void result is not shown. The call runs in a forked copy of the\n"
                                + "program (the replay and the recording stay as they are); its output is shown.")
                        .complete(Completion.SYMBOL).does((a, out) -> call(c, a, out)),
                Cmd.of("display", "Print value of expression EXP each time the program stops.")
                        .usage("display[/FMT] [EXP]\nWithout EXP, show every display now. With a memory format\n"
                                + "(i, s, or a count or size) the display is an x command.")
                        .complete(Completion.SYMBOL).does((a, out) -> display(c, a, out)),
                Cmd.of("undisplay", "Cancel some expressions to be displayed when program stops.")
                        .usage("undisplay [N...]\nWithout N, cancel every display.")
                        .does((a, out) -> c.displays.delete(Args.numbers(a))),
                Cmd.of("x", "Examine memory: x/FMT ADDRESS.").usage("""
                                x[/NFU] [ADDRESS]
                                N is a count, F a format (x d u o t a c f s i z), U a size (b h w g).
                                Without ADDRESS, continue after the last memory examined.""")
                        .complete(Completion.SYMBOL).repeat(Repeat.BARE).does((a, out) -> examine(c, a, out)),
                Cmd.of("ptype", "Print definition of type of EXPRESSION.").usage("ptype EXPRESSION")
                        .complete(Completion.SYMBOL).does((a, out) -> {
                            String t = c.session.ptype(c.values.substitute(a.isBlank() ? "$" : a));
                            out.println(t.startsWith("type = ") ? t : "type = " + t);
                        }),
                Cmd.of("whatis", "Print data type of expression EXP.").usage("whatis EXPRESSION")
                        .complete(Completion.SYMBOL).does((a, out) -> out.println(c.session.whatis(c.values.substitute(a.isBlank() ? "$" : a)))),
                Cmd.of("output", "Like print, but with no $N and no newline.").usage("output[/FMT] EXP")
                        .complete(Completion.SYMBOL).does((a, out) -> {
                            PrintFormat.Split s = PrintFormat.split(a);
                            String expr = Args.require(s.rest(), "Argument required (expression to compute).");
                            String history = s.format().forPrint("output").letter() == null ? c.values.lookup(expr) : null;
                            out.print(history != null ? history : evaluate(c, expr, s.format().letter()));
                        }),
                Cmd.of("printf", "Formatted output, as C's printf: printf \"FORMAT\", ARG...").usage("printf \"FORMAT\", ARG...\n"
                                + "Conversions d i u o x X c s f e g p with C's flags, width, precision and l/ll.")
                        .complete(Completion.SYMBOL).does((a, out) -> out.print(new Printf(c.session, c.values::substitute).format(a))),
                Cmd.of("list", "List specified function or line.").alias("l")
                        .usage("list [LOCATION | FIRST,LAST | -]\nWithout LOCATION, list around the current line, then continue after\n"
                                + "the last listed; \"list -\" lists the ten lines before the last listed.")
                        .complete(Completion.SYMBOL).repeat(Repeat.BARE)
                        .does((a, out) -> list(c, a, out)),
                Cmd.of("echo", "Print a constant string (\\n is a newline).").usage("echo TEXT")
                        .does((a, out) -> out.print(unescape(a))));
    }

    /** "name(" in an expression: a function call when name is a function. */
    private static final Pattern CALL = Pattern.compile("(?<![\\w$])([A-Za-z_]\\w*)\\s*\\(");

    /** Whether expr calls a function of the program (it then ran in a copy: said once a session). */
    private static boolean callsFunction(ReplContext c, String expr) {
        Matcher m = CALL.matcher(expr);
        while (m.find()) {
            if (m.group(1).equals("sizeof")) continue;
            try {
                if (c.session.whatis(m.group(1)).matches("type = .*\\(.*\\)")) return true;
            } catch (JrrException e) {
                // no symbol in scope, yet the expression was evaluated: a library's function ran
                if (String.valueOf(e.getMessage()).startsWith("No symbol")) return true;
            }
        }
        return false;
    }

    /** The first time a session runs a call: where it ran, so nobody takes its effects for the recording's. */
    private static void noteCall(ReplContext c, String expr, PrintStream out) {
        if (c.callNoted || !callsFunction(c, expr)) return;
        c.callNoted = true;
        out.println("(The call ran in a forked copy of the program; its side effects are discarded, the replay is unchanged.)");
    }

    /** session.print of expr, $N history references substituted. */
    static String evaluate(ReplContext c, String expr, String format) {
        return c.session.print(c.values.substitute(expr), format);
    }

    private static void print(ReplContext c, String args, PrintStream out) {
        PrintFormat.Split s = PrintFormat.split(args);
        PrintFormat f = s.format().forPrint("print");
        if ("s".equals(f.letter())) f = PrintFormat.NONE; // print/s: gdb prints strings as it does without it
        String expr = s.rest().isEmpty() ? "$" : s.rest();
        String history = c.values.lookup(expr);
        String raw = history != null ? history : evaluate(c, expr, null);
        // the history keeps the value itself, so "p/x v" then "p $" shows it in decimal as gdb does
        String shown = f.letter() == null ? raw : evaluate(c, expr, f.letter());
        out.println("$" + c.values.record(raw) + " = " + (c.settings.prettyPrint() ? Settings.pretty(shown) : shown));
        noteCall(c, expr, out);
    }

    private static boolean isVoid(ReplContext c, String expr) {
        try {
            return c.session.whatis(c.values.substitute(expr)).equals("type = void");
        } catch (JrrException e) {
            return false; // print says what is wrong with it
        }
    }

    private static void list(ReplContext c, String args, PrintStream out) {
        List<String> lines;
        try {
            lines = c.session.list(args.isBlank() ? null : args.strip());
        } catch (RuntimeException e) {
            throw c.printer.listFailure(e);
        }
        c.printer.sourceShown();
        lines.forEach(out::println);
    }

    /** gdb's call: print, except that a void result shows nothing. */
    private static void call(ReplContext c, String args, PrintStream out) {
        PrintFormat.Split s = PrintFormat.split(args);
        String expr = Args.require(s.rest(), "The history is empty.");
        if (isVoid(c, expr)) {
            evaluate(c, expr, null);
            noteCall(c, expr, out);
            return;
        }
        print(c, args, out);
    }

    private static void display(ReplContext c, String args, PrintStream out) {
        if (args.isBlank()) {
            c.displays.showAll(c.session, out);
            return;
        }
        PrintFormat.Split s = PrintFormat.split(args);
        String expr = Args.require(s.rest(), "Argument required (expression to compute).");
        Displays.Display d = c.displays.add(expr, s.format(), Displays.scopeOf(expr, c.session));
        try {
            out.print(Displays.show(d, c.session));
        } catch (JrrException e) {
            if (!Displays.isParseError(e) && !d.format().isMemory()) {
                out.print(Displays.failed(d, e));
                return;
            }
            c.displays.withdraw(d);
            throw e;
        }
    }

    private static void examine(ReplContext c, String args, PrintStream out) {
        PrintFormat.Split s = PrintFormat.split(args);
        if (!s.format().spec().isEmpty()) {
            PrintFormat f = s.format();
            if (f.count() == 0) return; // gdb shows nothing for a zero count
            if (f.count() < 0) throw new JrrException("x with a negative count (memory before the address) is not supported.");
            c.examineCount = Math.max(1, f.count());
            // remembered without the count: a later "x ADDR" shows one unit in the same format
            c.examineFormat = (f.letter() != null ? f.letter() : c.examineFormat.replaceAll("[bhwg]", ""))
                    + (f.size() != null ? f.size() : c.examineFormat.replaceAll("[^bhwg]", ""));
        } else if (!s.rest().isEmpty()) {
            c.examineCount = 1;
        }
        String address = s.rest();
        if (address.startsWith("\"")) {
            throw new JrrException("x of a string literal is not possible in a replay: gdb writes the literal into the "
                    + "program's memory first, and the replay must follow the recording. Examine the program's own strings.");
        }
        if (address.isEmpty()) {
            if (c.examineAddress == null) throw new JrrException("Argument required (starting display address).");
            address = c.examineAddress;
        }
        String spec = (c.examineCount != 1 ? Integer.toString(c.examineCount) : "") + c.examineFormat;
        List<String> lines = c.session.examine(spec, address);
        lines.forEach(out::println);
        c.examineAddress = nextAddress(lines, c.examineFormat);
    }

    /** Where a bare x continues: after the last unit shown (null when the units have no fixed size). */
    static String nextAddress(List<String> lines, String format) {
        if (lines.isEmpty() || format.contains("s") || format.contains("i")) return null;
        Matcher m = DUMP_LINE.matcher(lines.get(lines.size() - 1));
        if (!m.matches()) return null;
        long start = Long.parseUnsignedLong(m.group(1), 16);
        long units = List.of(m.group(2).split("\t")).stream().filter(w -> !w.isBlank()).count();
        String sizes = format.replaceAll("[^bhwg]", "");
        char size = sizes.isEmpty() ? (format.contains("c") ? 'b' : format.contains("a") || format.contains("f") ? 'g' : 'w')
                : sizes.charAt(sizes.length() - 1);
        int unit = switch (size) {
            case 'b' -> 1;
            case 'h' -> 2;
            case 'g' -> 8;
            default -> 4;
        };
        return "0x" + Long.toHexString(start + units * unit);
    }

    /** gdb's echo escapes: \n, \t, \\ and a trailing backslash-less text. */
    static String unescape(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch != '\\' || i + 1 >= text.length()) {
                sb.append(ch == '\\' ? "" : String.valueOf(ch));
                continue;
            }
            char e = text.charAt(++i);
            sb.append(switch (e) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'a' -> '\007';
                default -> e;
            });
        }
        return sb.toString();
    }
}
