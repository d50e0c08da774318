package io.jrrtui.bench;

import io.jrrtui.api.DebugSession;
import io.jrrtui.cli.Console;
import io.jrrtui.cli.Main;
import io.jrrtui.debugger.Debugger;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.session.ReplayDebugger;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.TracerThread;
import io.jrrtui.trace.TraceReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one breakpoint or watchpoint hit costs in a reverse search's scan (issue 11; not a unit
 * test: {@code src/bench/bench.sh hitcost}). Reverse searches end by scanning a piece of the
 * recording hit by hit (Timeline.scanTo), so this cost times the hits in that piece is most of a
 * dense reverse-continue.
 *
 * <p>Two recordings of bench_loop (one thread: a few syscalls, then N passes of a loop without a
 * syscall, each writing {@code sink} once) differ only in N; from the end, reverse-continue with a
 * breakpoint on the loop's line (then with {@code watch -l sink}) scans every pass (the bisection
 * is turned off with a huge {@code jrrtui.timeline.probeHits}, set by bench.sh). The difference of
 * the two times over the difference of the passes is the cost of one hit, fixed costs (opening,
 * restoring a checkpoint, the events) cancelled. Besides the time, which varies with the
 * machine's load, it prints what does not: ptrace requests, stops and hand-overs to the tracer
 * thread per hit. Each is the median of RUNS fresh sessions (a session's first search is
 * measured: later ones start from checkpoints the first left behind).
 *
 * <p>Arguments: test-binaries dir, [runs (3)], [small N (1000)], [large N (5000)].
 */
public final class HitCostBench {
    public static void main(String[] args) throws Exception {
        Path bins = Path.of(args.length > 0 ? args[0] : "target/test-binaries");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long small = args.length > 2 ? Long.parseLong(args[2]) : 1000;
        long large = args.length > 3 ? Long.parseLong(args[3]) : 5000;
        if (Integer.getInteger("jrrtui.timeline.probeHits", 1000) < 2 * large) {
            System.out.println("warning: -Djrrtui.timeline.probeHits is below the hits: the searches bisect, the figures are not per hit");
        }
        Path dir = Files.createTempDirectory("jrr-hitcost");
        Path bin = bins.resolve("bench_loop");
        loopLine = "bench_loop.c:" + lineOf(Path.of("test-binaries", "bench_loop.c"), "sink += i * i;");
        Path smallTrace = record(dir.resolve("small"), bin, small);
        Path largeTrace = record(dir.resolve("large"), bin, large);
        long extraHits = large - small;
        report("break " + loopLine + "; reverse-continue", extraHits,
                median(runs, smallTrace, HitCostBench::breakInLoop), median(runs, largeTrace, HitCostBench::breakInLoop));
        report("watch -l sink; reverse-continue", extraHits,
                median(runs, smallTrace, HitCostBench::watchSink), median(runs, largeTrace, HitCostBench::watchSink));
        System.exit(0);
    }

    private static Path record(Path trace, Path bin, long n) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Main().run(List.of("record", "-q", "-o", trace.toString(), "--stdout", "/dev/null", "--", bin.toString(), Long.toString(n), "10"),
                new Console(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)));
        if (status > 1) throw new IllegalStateException("record failed: " + err);
        return trace;
    }

    private static String loopLine;

    private static int lineOf(Path source, String text) throws java.io.IOException {
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new IllegalStateException(text + " is not in " + source);
    }

    private static void breakInLoop(Debugger d) {
        d.cont();
        d.addBreakpoint(loopLine, null, false);
    }

    /** A watchpoint needs a live program: set just before the end, then run to the end. */
    private static void watchSink(Debugger d) {
        d.gotoEvent(d.eventCount() - 2);
        d.addWatchpoint("sink", DebugSession.WatchKind.WRITE, true);
        d.cont();
    }

    /** What one reverse-continue cost: its time, ptrace requests, stops waited for, hand-overs to the tracer thread. */
    record Cost(long nanos, long requests, long stops, long handovers) {}

    /**
     * Reverse-continue from the end, each run in a fresh session prepared by setUp: the median
     * time, and the counts of the last run (they are the same in every run).
     */
    private static Cost median(int runs, Path trace, Consumer<Debugger> setUp) throws Exception {
        List<Long> ns = new ArrayList<>();
        Cost last = null;
        for (int i = 0; i < runs; i++) {
            try (Debugger d = ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD)) {
                setUp.accept(d);
                long r0 = Ptrace.requests(), s0 = Ptrace.stops(), h0 = TracerThread.handovers();
                long t0 = System.nanoTime();
                d.reverseContinue();
                long t = System.nanoTime() - t0;
                last = new Cost(t, Ptrace.requests() - r0, Ptrace.stops() - s0, TracerThread.handovers() - h0);
                ns.add(t);
            }
        }
        Collections.sort(ns);
        return new Cost(ns.get(ns.size() / 2), last.requests(), last.stops(), last.handovers());
    }

    private static void report(String what, long extraHits, Cost small, Cost large) {
        System.out.printf("  %-32s %7.3f s (small) %7.3f s (large)  per hit: %7.1f us, %5.1f ptrace requests, %4.1f stops, %4.1f hand-overs%n",
                what, small.nanos() / 1e9, large.nanos() / 1e9, (large.nanos() - small.nanos()) / 1e3 / extraHits,
                (double) (large.requests() - small.requests()) / extraHits, (double) (large.stops() - small.stops()) / extraHits,
                (double) (large.handovers() - small.handovers()) / extraHits);
    }
}
