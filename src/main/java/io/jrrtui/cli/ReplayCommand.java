package io.jrrtui.cli;

import io.jrrtui.replay.ReplaySession;
import io.jrrtui.target.StopReason;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.trace.TraceStore;
import io.jrrtui.util.JrrException;
import java.util.List;

/** {@code jrrtui replay [-a] [-M] [TRACE]}. */
final class ReplayCommand implements Command {
    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String summary() {
        return "replay a recording (default: the latest)";
    }

    @Override
    public String usage() {
        return """
                usage: jrrtui replay -a [-M] [TRACE]
                  -a, --autopilot   replay to the end without stopping, writing the program's output again
                  -M, --mark-stdio  prefix each output line with [jrr PID EVENT]
                TRACE is a trace directory or a name from 'jrrtui ls' (default: latest-trace).""";
    }

    @Override
    public int run(List<String> args, Console console) {
        Args a = Args.parse(args, List.of("-a", "--autopilot", "-M", "--mark-stdio"), List.of(), false);
        if (a.positional().size() > 1) throw new UsageException("more than one trace given");
        if (!a.flag("-a", "--autopilot")) {
            throw new UsageException("interactive replay is not available in this version yet; use -a");
        }
        TraceStore store = TraceStore.fromEnvironment();
        TraceReader trace = TraceReader.open(store.resolve(a.positional().isEmpty() ? null : a.positional().get(0)));
        MarkedOutput out = new MarkedOutput(console.out(), console.err(), a.flag("-M", "--mark-stdio"));
        try (ReplaySession session = ReplaySession.start(trace, out)) {
            StopReason stop = session.runToEnd();
            out.flush();
            if (stop.kind() != StopReason.Kind.EXITED) {
                throw new JrrException("replay stopped at event " + stop.event() + " before the program ended");
            }
            return trace.info().complete() ? trace.info().exitStatus() : 0;
        }
    }
}
