package io.jrrtui.cli;

import io.jrrtui.debugger.Debugger;
import io.jrrtui.record.CpuFeatures;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.replay.ReplaySession;
import io.jrrtui.session.ReplayDebugger;
import io.jrrtui.sys.CpuClaim;
import io.jrrtui.target.StopReason;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.trace.TraceStore;
import io.jrrtui.util.JrrException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/** {@code jrrtui replay [-a] [-M] [--repl | --batch -x FILE] [-g N] [TRACE]}. */
final class ReplayCommand implements Command {
    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String summary() {
        return "replay a recording and debug it forwards and backwards (default: the latest)";
    }

    @Override
    public String usage() {
        return """
                usage: jrrtui replay [-a [-M] [-q]] [--tui | --repl | --batch -x FILE | -s PORT] [-g N] [--theme NAME] [--keys fkeys] [TRACE]
                  -a, --autopilot   replay to the end without stopping, writing the program's output again
                  -M, --mark-stdio  with -a: prefix each output line with [jrr PID EVENT]
                  -q, --quiet       with -a: no progress line (shown on a terminal's stderr after 0.5 s)
                  --tui             the full-screen debugger (the default when stdin and stdout are a terminal)
                  --repl            the gdb-style command line (the default otherwise)
                  --batch -x FILE   run debugger commands from FILE without a terminal, print, and exit
                  -g, --goto N      start at event N instead of the program's first instruction
                  -p PID|NAME       debug that process, from when it exec'd (NAME: the first to run NAME)
                  -f PID            debug that process from when it was forked
                  -s, --gdbserver [HOST:]PORT  serve gdb's remote protocol (loopback unless HOST is given)
                  --theme NAME      TUI colours: dark, light, high-contrast, or a theme file
                  --keys fkeys      TUI key map with F-keys (F5 continue, F10 next, ...; Ctrl/Alt reverses)
                TRACE is a trace directory or a name from 'jrrtui ls' (default: latest-trace).""";
    }

    @Override
    public int run(List<String> args, Console console) throws Exception {
        Args a = Args.parse(args, List.of("-a", "--autopilot", "-M", "--mark-stdio", "-q", "--quiet", "--repl", "--batch", "--tui"),
                List.of("-x", "-g", "--goto", "--theme", "--keys", "-p", "-f", "-s", "--gdbserver"), false);
        if (a.positional().size() > 1) throw new UsageException("more than one trace given");
        CpuClaim.beginLoadSample(); // the tracer's CPU is chosen later; see there
        TraceStore store = TraceStore.fromEnvironment();
        TraceReader trace = TraceReader.open(store.resolve(a.positional().isEmpty() ? null : a.positional().get(0)));
        if (trace.incomplete() && trace.recoverableEvents() == 0) {
            throw new JrrException("nothing to replay: the recording of " + trace.dir() + " was interrupted before its first events were written"
                    + (trace.incompleteReason().isEmpty() ? "" : " (" + trace.incompleteReason() + ")"));
        }
        CpuFeatures.mismatchWarning(trace.dir()).ifPresent(w -> console.err().println("jrrtui: " + w));
        if (a.flag("-a", "--autopilot")) {
            boolean progress = !a.flag("-q", "--quiet") && console.err() == System.err && StderrProgress.isTerminal(2);
            return autopilot(trace, console, a.flag("-M", "--mark-stdio"), progress);
        }
        long start = 1;
        String g = a.value("-g", "--goto");
        if (g != null) {
            try {
                start = Long.parseLong(g);
            } catch (NumberFormatException e) {
                throw new UsageException("-g needs an event number, not '" + g + "'");
            }
        }
        FrontEnd frontEnd = FrontEnd.choose(a);
        // In the TUI the Output pane shows the program's output (from the trace); elsewhere it is
        // printed the first time execution passes it.
        OutputSink programOutput = frontEnd.fullScreen() ? OutputSink.DISCARD : new FirstPassOutput(new MarkedOutput(console.out(), console.err(), false));
        Debugger.Focus focus = ProcessChoice.resolve(trace, a.value("-f"), a.value("-p"));
        try (Debugger session = ReplayDebugger.open(trace, start, programOutput, focus)) {
            for (String notice : session.notices()) console.err().println("jrrtui: " + notice);
            if (frontEnd.gdbServer() != null) return GdbServing.serve(session, frontEnd.gdbServer(), trace.dir().toString(), console);
            return frontEnd.run(session, console);
        }
    }

    private static int autopilot(TraceReader trace, Console console, boolean mark, boolean showProgress) {
        MarkedOutput out = new MarkedOutput(console.out(), console.err(), mark);
        AtomicReference<ReplaySession> replay = new AtomicReference<>();
        LongSupplier at = () -> {
            ReplaySession r = replay.get();
            return r == null ? 0 : r.currentEvent();
        };
        try (StderrProgress progress = StderrProgress.start(showProgress, console.err(), "replaying", at, trace.info().eventCount());
                ReplaySession session = ReplaySession.start(trace, (event, tid, stream, data) ->
                        progress.aroundOutput(() -> out.write(event, tid, stream, data)))) {
            replay.set(session);
            StopReason stop = session.runToEnd();
            out.flush();
            if (stop.kind() == StopReason.Kind.END_OF_TRACE && trace.incomplete()) throw new JrrException(cutShort(trace, stop.event()));
            if (stop.kind() == StopReason.Kind.END_OF_TRACE) throw new JrrException("replay reached event " + stop.event() + ": " + stop.detail());
            if (stop.kind() != StopReason.Kind.EXITED) {
                throw new JrrException("replay stopped at event " + stop.event() + " before the program ended");
            }
            return trace.info().complete() ? trace.info().exitStatus() : 0;
        }
    }

    /** Where and why the replay of an interrupted recording ended. */
    static String cutShort(TraceReader trace, long event) {
        String end;
        try (TraceReader.EventCursor c = trace.eventsAfter(event)) {
            while (c.next() != null) { }
            end = c.endDescription();
        } catch (JrrException e) {
            end = e.getMessage();
        }
        String why = trace.incompleteReason();
        return "replayed the interrupted recording to its end at event " + event + " (" + end + ")"
                + (why.isEmpty() ? "" : "; the recording stopped: " + why);
    }

    /**
     * Shows the program's output the first time execution passes it: re-execution from a
     * checkpoint (every reverse command) must not print it again.
     */
    static final class FirstPassOutput implements OutputSink {
        private final OutputSink target;
        private long printedUpTo;

        FirstPassOutput(OutputSink target) {
            this.target = target;
        }

        @Override
        public void write(long event, int tid, int stream, byte[] data) {
            if (event <= printedUpTo) return;
            printedUpTo = event;
            target.write(event, tid, stream, data);
        }
    }
}
