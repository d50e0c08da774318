package io.jrrtui.repl;

import io.jrrtui.api.CheckpointInfo;
import io.jrrtui.api.SourceLocation;
import io.jrrtui.api.StopEvent;
import io.jrrtui.repl.ReplCommand.Completion;
import java.io.PrintStream;
import java.util.List;

/** rr's time commands: when, goto, run, checkpoint, restart, last. */
final class TimeCommands {
    /** Event 1 is the program's first instruction. */
    static final long FIRST_EVENT = 1;

    private TimeCommands() {}

    static List<ReplCommand> all(ReplContext c) {
        return List.of(
                Cmd.of("when", "Print the current event number.").does((a, out) ->
                        out.println("Current event: " + c.session.currentEvent())),
                Cmd.of("goto", "Jump to event N of the recording.").usage("goto N").does((a, out) ->
                        jump(c, Args.event(a), out)),
                Cmd.of("run", "Restart the replay: from the start to the first breakpoint, or to event N.").alias("r")
                        .usage("run [N]\nWithout N, replay from the start and stop at the first breakpoint (or the end);\n"
                                + "with N, jump to event N and stop there.")
                        .does((a, out) -> {
                            if (!a.isBlank()) {
                                jump(c, Args.event(a), out);
                                return;
                            }
                            runFromStart(c, out);
                        }),
                Cmd.of("checkpoint", "Remember the current moment so that restart can come back to it.").does((a, out) -> {
                    CheckpointInfo cp = c.session.checkpoint();
                    out.println("Checkpoint " + cp.number() + " at event " + cp.event() + where(cp.where(), ", ") + ".");
                }),
                Cmd.of("restart", "Go back (or forward) to checkpoint N.").usage("restart N").does((a, out) ->
                        moved(c, c.session.restart(Args.integer(Args.require(a, "Argument required (checkpoint id).")))
                                , out)),
                Cmd.of("last", "Go back to the last moment EXPRESSION changed value.").usage("last EXPRESSION")
                        .complete(Completion.SYMBOL).does((a, out) ->
                                moved(c, c.session.last(Args.require(a, "Argument required (expression to compute).")), out)));
    }

    /** {@code run} without N: back to the first event, then on to the first breakpoint. */
    static void runFromStart(ReplContext c, PrintStream out) {
        c.session.gotoEvent(FIRST_EVENT);
        c.printer.resetLocation();
        c.report(c.session.cont(), out);
    }

    /** {@code info checkpoints}. */
    static void table(ReplContext c, PrintStream out) {
        List<CheckpointInfo> cps = c.session.checkpoints();
        if (cps.isEmpty()) {
            out.println("No checkpoints.");
            return;
        }
        out.println("ID\tWhen\tWhere");
        for (CheckpointInfo cp : cps) out.println(cp.number() + "\t" + cp.event() + "\t" + where(cp.where(), "").strip());
    }

    private static void jump(ReplContext c, long event, PrintStream out) {
        moved(c, c.session.gotoEvent(event), out);
    }

    /** A jump in time: the detail ("Switched to checkpoint 1.") and the full location. */
    private static void moved(ReplContext c, StopEvent stop, PrintStream out) {
        c.printer.resetLocation();
        if (stop.reason() == StopEvent.Reason.EVENT && stop.detail() != null && !stop.detail().isBlank()) {
            out.println(stop.detail());
        }
        c.report(stop, out);
    }

    private static String where(SourceLocation w, String sep) {
        if (w == null) return "";
        String fn = w.function() != null ? w.function() : StopPrinter.address(w.pc());
        return sep + fn + (w.hasLine() ? " at " + w.displayFile() + ":" + w.line() : "");
    }
}
