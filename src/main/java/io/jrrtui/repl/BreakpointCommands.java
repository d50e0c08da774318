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
                Cmd.of("tbreak", "Set a temporary breakpoint.").usage("tbreak [LOCATION] [if CONDITION]\n"
                                + "Like break, but the breakpoint is deleted when it is hit.")
                        .complete(Completion.SYMBOL).does((a, out) -> setBreakpoint(c, a, true, out)),
                Cmd.of("delete", "Delete all or some breakpoints.").alias("d")
                        .usage("delete [breakpoints] [N...]\ndelete display [N...]\n"
                                + "Without numbers, delete all breakpoints. N may be a range such as 2-4.")
                        .does((a, out) -> {
                            String disp = Args.afterKeyword(a, "display", 1);
                            if (disp != null) {
                                c.displays.delete(Args.numbers(disp));
                                return;
                            }
                            String rest = Args.afterKeyword(a, "breakpoints", 1);
                            c.session.deleteBreakpoints(Args.numbers(rest != null ? rest : a));
                        }),
                Cmd.of("disable", "Disable all or some breakpoints.").usage("disable [breakpoints] [N...]")
                        .does((a, out) -> c.session.setEnabled(numbersAfterBreakpoints(a), false)),
                Cmd.of("enable", "Enable all or some breakpoints.").usage("enable [breakpoints] [N...]")
                        .does((a, out) -> c.session.setEnabled(numbersAfterBreakpoints(a), true)),
                watch(c, "watch", "Set a watchpoint for EXPRESSION (stops when it is written).", WatchKind.WRITE),
                watch(c, "rwatch", "Set a read watchpoint for EXPRESSION.", WatchKind.READ),
                watch(c, "awatch", "Set an access (read or write) watchpoint for EXPRESSION.", WatchKind.ACCESS));
    }

    private static List<Integer> numbersAfterBreakpoints(String args) {
        String rest = Args.afterKeyword(args, "breakpoints", 1);
        return Args.numbers(rest != null ? rest : args);
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
        out.print(c.printer.breakpointCreated(b));
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
