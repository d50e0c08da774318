package io.jrrtui.repl;

import io.jrrtui.api.DebugSession;
import io.jrrtui.api.ValuePoint;
import io.jrrtui.repl.ReplCommand.Completion;
import java.util.List;

/** {@code history EXPR}: a value over the whole recording, as (event, value) rows. */
final class HistoryCommand {
    private HistoryCommand() {}

    static ReplCommand command(ReplContext c) {
        return Cmd.of("history", "Print EXPRESSION's value at the start and after every write that changed it, "
                + "by event (replays the recording with a watchpoint on its location; comes back here).")
                .usage("history EXPRESSION").complete(Completion.SYMBOL).does((a, out) -> {
                    String e = Args.require(a, "Argument required (expression to compute).").strip();
                    List<ValuePoint> rows = c.session.history(e);
                    out.println("Event\tValue");
                    for (ValuePoint p : rows) out.println(p.event() + "\t" + p.value());
                    if (rows.size() >= DebugSession.HISTORY_LIMIT) out.println("(stopped after " + DebugSession.HISTORY_LIMIT + " writes)");
                });
    }
}
