package io.jrrtui.session;

import io.jrrtui.debugger.Debugger;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.replay.ReplaySession;
import io.jrrtui.trace.TraceReader;

/** Opens the debugger over a replay of a recording: the replay is the debugger's target. */
public final class ReplayDebugger {
    private ReplayDebugger() {}

    /**
     * Replays trace and stops after event startEvent. Output the program wrote is passed to output
     * as the replay goes by (use {@link OutputSink#DISCARD} to ignore it).
     */
    public static Debugger open(TraceReader trace, long startEvent, OutputSink output) {
        return open(trace, startEvent, output, null);
    }

    /** Like {@link #open(TraceReader, long, OutputSink)}, following another process of the recording (null: the first). */
    public static Debugger open(TraceReader trace, long startEvent, OutputSink output, Debugger.Focus focus) {
        return Debugger.over(ReplaySession.start(trace, output), startEvent, focus);
    }
}
