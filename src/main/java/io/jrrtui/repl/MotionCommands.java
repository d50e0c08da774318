package io.jrrtui.repl;

import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.StopEvent;
import io.jrrtui.repl.ReplCommand.Completion;
import io.jrrtui.repl.ReplCommand.Repeat;
import io.jrrtui.util.JrrException;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Supplier;

/** Moving through the recording: continue, the steps, finish, until, advance and their reverses. */
final class MotionCommands {
    private MotionCommands() {}

    static List<ReplCommand> all(ReplContext c) {
        return List.of(
                Cmd.of("continue", "Continue the program being debugged.").alias("c", "fg")
                        .usage("continue [N]\nWith N, ignore the breakpoint stopped at N-1 more times.")
                        .repeat(Repeat.SAME).does((a, out) -> cont(c, a, out)),
                counted(c, "next", "n", "Step program, proceeding through subroutine calls.", c.session::next),
                counted(c, "step", "s", "Step program until it reaches a different source line.", c.session::step),
                counted(c, "stepi", "si", "Step one instruction exactly.", c.session::stepi),
                counted(c, "nexti", "ni", "Step one instruction, but proceed through subroutine calls.", c.session::nexti),
                Cmd.of("finish", "Execute until selected stack frame returns.").alias("fin")
                        .repeat(Repeat.SAME).does((a, out) -> finish(c, out, false)),
                Cmd.of("until", "Execute until past the current line or until LOCATION.").alias("u")
                        .usage("until [LOCATION]").complete(Completion.SYMBOL).repeat(Repeat.SAME)
                        .does((a, out) -> {
                            requireRunning(c);
                            StopEvent stop = c.session.until(a.isBlank() ? null : a.strip());
                            if (!a.isBlank()) c.printer.resetLocation(); // gdb shows the frame line for until LOCATION
                            c.report(stop, out);
                        }),
                Cmd.of("advance", "Continue the program up to the given location (same form as break).")
                        .usage("advance LOCATION").complete(Completion.SYMBOL)
                        .does((a, out) -> {
                            String loc = Args.require(a, "Argument required (a location).");
                            requireRunning(c);
                            StopEvent stop = c.session.advance(loc);
                            c.printer.resetLocation(); // like until LOCATION: always the frame line
                            c.report(stop, out);
                        }),
                Cmd.of("reverse-continue", "Continue program being debugged but run it in reverse.").alias("rc")
                        .repeat(Repeat.SAME).does((a, out) -> {
                            requireMovable(c);
                            out.print(c.printer.continuing());
                            c.report(c.session.reverseContinue(), out);
                        }),
                counted(c, "reverse-next", "rn", "Step program backward, proceeding through subroutine calls.", c.session::reverseNext),
                counted(c, "reverse-step", "rs", "Step program backward until it reaches the beginning of another source line.",
                        c.session::reverseStep),
                counted(c, "reverse-stepi", "rsi", "Step backward exactly one instruction.", c.session::reverseStepi),
                counted(c, "reverse-nexti", "rni", "Step backward one instruction, but proceed through called subroutines.",
                        c.session::reverseNexti),
                Cmd.of("reverse-finish", "Execute backward until just before selected stack frame is called.")
                        .repeat(Repeat.SAME).does((a, out) -> finish(c, out, true)));
    }

    /** gdb refuses forward motion once the program has exited (reverse motion is fine), and any motion of a core file. */
    static void requireRunning(ReplContext c) {
        requireMovable(c);
        if (c.session.status().reason() == StopEvent.Reason.EXITED) throw new JrrException("The program is not being run.");
    }

    /** A program that cannot move at all (a core file) says so before anything is printed. */
    private static void requireMovable(ReplContext c) {
        if (!c.session.canMove()) throw new JrrException("The program is not being run.");
    }

    private static void cont(ReplContext c, String args, PrintStream out) {
        int n = Args.count(args, 1);
        requireRunning(c);
        StopEvent here = c.session.status();
        int ignore = 0;
        boolean atLiveBreakpoint = here.reason() == StopEvent.Reason.BREAKPOINT && here.breakpoint() > 0
                && c.session.breakpoints().stream().anyMatch(b -> b.number() == here.breakpoint());
        if (n > 1 && atLiveBreakpoint) {
            ignore = n - 1;
            out.print(c.printer.ignoring(ignore, here.breakpoint()));
        } else {
            // the breakpoint stopped at may have been deleted since: gdb then ignores the count
            if (n > 1) out.println("Not stopped at any breakpoint; argument ignored.");
            out.print(c.printer.continuing());
        }
        StopEvent stop = c.session.cont();
        while (ignore-- > 0 && stop.reason() == StopEvent.Reason.BREAKPOINT && stop.breakpoint() == here.breakpoint()) {
            stop = c.session.cont();
        }
        c.report(stop, out);
    }

    /** A step command taking a count; stops early when a step ends anywhere but a plain step. */
    private static ReplCommand counted(ReplContext c, String name, String alias, String help, Supplier<StopEvent> move) {
        boolean forward = !name.startsWith("reverse-");
        return Cmd.of(name, help).alias(alias).usage(name + " [N]\nDo it N times (default 1); stop early at a breakpoint.")
                .repeat(Repeat.SAME).does((a, out) -> {
                    int n = Args.count(a, 1);
                    if (forward) requireRunning(c);
                    StopEvent stop = null;
                    for (int i = 0; i < n; i++) {
                        stop = move.get();
                        if (stop.reason() != StopEvent.Reason.STEP) break;
                    }
                    if (stop != null) c.report(stop, out);
                });
    }

    private static void finish(ReplContext c, PrintStream out, boolean reverse) {
        if (!reverse) requireRunning(c);
        requireMovable(c);
        FrameInfo frame = c.forDisplay(c.session.selectedFrame());
        if (c.outermostLevel(frame.level() + 1) <= frame.level()) {
            throw new JrrException("\"finish\" not meaningful in the outermost frame."); // gdb's words for both directions
        }
        out.print(reverse ? c.printer.runBackToCall(frame) : c.printer.runTillExit(frame));
        c.report(reverse ? c.session.reverseFinish() : c.session.finish(), out);
    }
}
