package io.jrrtui.repl;

import io.jrrtui.api.BreakpointInfo;
import io.jrrtui.api.DebugSession.WatchKind;
import io.jrrtui.repl.ReplCommand.Completion;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** break, tbreak, delete, disable, enable, watch, rwatch, awatch. */
final class BreakpointCommands {
    /** "LOCATION if COND", "if COND" (here), or "LOCATION". */
    private static final Pattern CONDITION = Pattern.compile("(?s)^(.*?)(?:^|\\s+)if(?:\\s+|(?=\\()|$)(.*)$");

    private BreakpointCommands() {}

    static List<ReplCommand> all(ReplContext c) {
        return List.of(
                Cmd.of("break", "Set breakpoint at specified location.").alias("b", "br", "brea", "bre")
                        .usage("""
                                break [LOCATION] [if CONDITION]
                                LOCATION may be a line number (in the current file), FILE:LINE, a function
                                name or *ADDRESS. Without LOCATION, break at the current pc of the selected frame.""")
                        .complete(Completion.SYMBOL).does((a, out) -> setBreakpoint(c, a, false, out)),
                Cmd.of("catch", "Set catchpoints to catch events (syscall, signal, throw, catch, rethrow).")
                        .usage("catch syscall [NAME|NUMBER]...   stop at the call to and the return from these syscalls (any without arguments)\n"
                                + "catch signal [SIGNAL...|all]     stop where these signals are delivered (the standard ones without arguments)\n"
                                + "catch throw|catch|rethrow        stop where a C++ exception is thrown, caught or rethrown\n"
                                + "Both work forwards and in reverse (reverse-continue stops at the previous one).")
                        .does((a, out) -> setCatchpoint(c, a, out)),
                Cmd.of("tbreak", "Set a temporary breakpoint.").usage("tbreak [LOCATION] [if CONDITION]\n"
                                + "Like break, but the breakpoint is deleted when it is hit.")
                        .complete(Completion.SYMBOL).does((a, out) -> setBreakpoint(c, a, true, out)),
                Cmd.of("delete", "Delete all or some breakpoints.").alias("d")
                        .usage("delete [breakpoints] [N...]\ndelete display [N...]\ndelete checkpoint N...\n"
                                + "Without numbers, delete all breakpoints. N may be a range such as 2-4.")
                        .does((a, out) -> {
                            String disp = Args.afterKeyword(a, "display", 1);
                            if (disp != null) {
                                c.displays.delete(Args.numbers(disp));
                                return;
                            }
                            String checkpoints = Args.afterKeyword(a, "checkpoint", 1);
                            if (checkpoints != null) {
                                for (int n : Args.numbers(Args.require(checkpoints, "Requires argument (checkpoint id to delete)")))
                                    c.session.deleteCheckpoint(n);
                                return;
                            }
                            String rest = Args.afterKeyword(a, "breakpoints", 1);
                            c.session.deleteBreakpoints(Args.numbers(rest != null ? rest : a));
                        }),
                Cmd.of("disable", "Disable all or some breakpoints.").usage("disable [breakpoints|display] [N...]")
                        .does((a, out) -> enable(c, a, false)),
                Cmd.of("enable", "Enable all or some breakpoints.").usage("enable [breakpoints|display] [N...]")
                        .does((a, out) -> enable(c, a, true)),
                Cmd.of("start", "Stop at the beginning of main: tbreak main, then run.").does((a, out) -> {
                    out.print(c.printer.breakpointCreated(c.session.addBreakpoint("main", null, true)));
                    TimeCommands.runFromStart(c, out);
                }),
                Cmd.of("condition", "Specify breakpoint number N to break only if COND is true.")
                        .usage("condition N [COND]\nWithout COND, breakpoint N stops every time again.").does((a, out) -> {
                            String[] w = Args.require(a, "Argument required (breakpoint number).").strip().split("\\s+", 2);
                            int n = breakpointNumber(w[0]);
                            c.session.setCondition(n, w.length > 1 ? w[1] : null);
                            if (w.length == 1) out.println("Breakpoint " + n + " now unconditional.");
                        }),
                Cmd.of("ignore", "Set ignore-count of breakpoint number N to COUNT.").usage("ignore N COUNT").does((a, out) -> {
                    String[] w = Args.require(a, "Argument required (a breakpoint number).").strip().split("\\s+");
                    if (w.length < 2) throw new io.jrrtui.util.JrrException("Second argument (specified ignore-count) is missing.");
                    int n = breakpointNumber(w[0]);
                    int count = Integer.parseInt(w[1]);
                    c.session.setIgnoreCount(n, count);
                    // gdb says this only to a person typing (from_tty); a script sees nothing
                    out.println(count <= 0 ? "Will stop next time breakpoint " + n + " is reached."
                            : count == 1 ? "Will ignore next crossing of breakpoint " + n + "."
                            : "Will ignore next " + count + " crossings of breakpoint " + n + ".");
                }),
                Cmd.of("rbreak", "Set a breakpoint for all functions matching REGEXP.").usage("rbreak REGEXP")
                        .does((a, out) -> rbreak(c, Args.require(a, "Argument required (regular expression)."), out)),
                Cmd.of("save", "Save breakpoint definitions as a script.").usage("save breakpoints FILE")
                        .does((a, out) -> save(c, a, out)),
                watch(c, "watch", "Set a watchpoint for EXPRESSION (stops when it is written).", WatchKind.WRITE),
                watch(c, "rwatch", "Set a read watchpoint for EXPRESSION.", WatchKind.READ),
                watch(c, "awatch", "Set an access (read or write) watchpoint for EXPRESSION.", WatchKind.ACCESS));
    }

    private static int breakpointNumber(String word) {
        if (!word.matches("\\d+")) throw new io.jrrtui.util.JrrException("Bad breakpoint argument: '" + word + "'");
        return Integer.parseInt(word);
    }

    /** rbreak: a breakpoint on each function with debug information whose name matches, with its declaration. */
    private static void rbreak(ReplContext c, String regex, java.io.PrintStream out) {
        for (String row : c.session.symbolSearch("functions", regex.strip())) {
            Matcher m = DECLARATION.matcher(row);
            if (!m.matches()) continue;
            out.print(c.printer.breakpointCreated(c.session.addBreakpoint(m.group(2), null, false)));
            out.println(m.group(1));
        }
    }

    /** "21:\tstatic int f1(int);": the declaration and the function name in it. */
    private static final Pattern DECLARATION = Pattern.compile("\\d+:\\t(.*?\\b([A-Za-z_][\\w:~]*)\\(.*\\);)");

    /** The catch command that makes a catchpoint shown as what ({@code syscalls "write, getpid"}) again. */
    private static String catchCommand(String what) {
        Matcher m = CATCH_WHAT.matcher(what);
        if (!m.matches()) return "# " + what;
        if (what.startsWith("exception ")) return "catch " + what.substring(10);
        String names = m.group(2).replace("<any syscall>", "").replace("<standard signals>", "").replace("<any signal>", "all")
                .replace(",", "");
        return ("catch " + (m.group(1).startsWith("syscall") ? "syscall " : "signal ") + names).stripTrailing();
    }

    private static final Pattern CATCH_WHAT = Pattern.compile("(syscalls?|signal) \"(.*)\"");

    /** catch syscall|signal [ARGS]: a catchpoint, with gdb's creation line. */
    private static void setCatchpoint(ReplContext c, String args, java.io.PrintStream out) {
        String[] w = Args.require(args, "Argument required (the kind of event to catch: syscall or signal).").strip().split("\\s+");
        String kind = w[0];
        BreakpointInfo b = c.session.addCatchpoint(kind, List.of(w).subList(1, w.length));
        out.println("Catchpoint " + b.number() + " " + c.session.catchpointCreated(b.number()));
    }

    /** save breakpoints FILE: commands that set the same breakpoints and watchpoints again (source FILE). */
    private static void save(ReplContext c, String args, java.io.PrintStream out) {
        String file = Args.afterKeyword(args, "breakpoints", 1);
        if (file == null) throw new io.jrrtui.util.JrrException("\"save\" must be followed by \"breakpoints\" and a file name.");
        file = Args.require(file, "Argument required (file name in which to save).").strip();
        StringBuilder sb = new StringBuilder();
        for (BreakpointInfo b : c.session.breakpoints()) {
            String what = b.what().startsWith("-location ") ? "-l " + b.what().substring(10) : b.what();
            String command = switch (b.type()) {
                case "hw watchpoint" -> "watch " + what;
                case "read watchpoint" -> "rwatch " + what;
                case "acc watchpoint" -> "awatch " + what;
                case "catchpoint" -> catchCommand(what);
                default -> (b.temporary() ? "tbreak " : "break ") + b.what();
            };
            // a disabled one is saved commented out: numbers change when the file is sourced
            String prefix = b.enabled() ? "" : "# disabled: ";
            sb.append(prefix).append(command).append(b.condition() != null ? " if " + b.condition() : "").append('\n');
            List<String> lines = c.scripts.of(b.number());
            if (!lines.isEmpty()) {
                // as gdb saves them: "commands" without a number is for the breakpoint just set
                sb.append(prefix).append("  commands\n");
                for (String l : lines) sb.append(prefix).append("    ").append(l).append('\n');
                sb.append(prefix).append("  end\n");
            }
        }
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(file), sb.toString());
        } catch (java.io.IOException | RuntimeException e) {
            throw new io.jrrtui.util.JrrException(file + ": " + e.getMessage());
        }
        out.println("Saved to file '" + file + "'.");
    }

    private static void enable(ReplContext c, String args, boolean on) {
        String disp = Args.afterKeyword(args, "display", 1);
        if (disp != null) {
            c.displays.setEnabled(Args.numbers(disp), on);
            return;
        }
        String rest = Args.afterKeyword(args, "breakpoints", 1);
        c.session.setEnabled(Args.numbers(rest != null ? rest : args), on);
    }

    private static void setBreakpoint(ReplContext c, String args, boolean temporary, java.io.PrintStream out) {
        String location = args.strip();
        String condition = null;
        Matcher m = CONDITION.matcher(location);
        if (m.matches()) {
            location = m.group(1).strip();
            condition = m.group(2).strip();
            if (condition.isEmpty()) throw new io.jrrtui.util.JrrException("Argument required (boolean expression).");
        }
        BreakpointInfo b = c.session.addBreakpoint(location, condition, temporary);
        out.print(c.printer.breakpointCreated(b, c.session.breakpoints()));
    }

    private static ReplCommand watch(ReplContext c, String name, String help, WatchKind kind) {
        return Cmd.of(name, help).usage(name + " [-l|-location] EXPRESSION\n"
                        + "With -l, watch the memory EXPRESSION designates now, whatever scope is current later.")
                .complete(Completion.SYMBOL).does((a, out) -> {
                    String expr = a.strip();
                    boolean location = false;
                    for (String flag : List.of("-location", "-l")) {
                        if (expr.startsWith(flag + " ") || expr.startsWith(flag + "\t")) {
                            location = true;
                            expr = expr.substring(flag.length()).strip();
                            break;
                        }
                    }
                    Args.require(expr, "Argument required (expression to compute).");
                    out.print(c.printer.breakpointCreated(c.session.addWatchpoint(expr, kind, location)));
                });
    }
}
