package io.jrrtui.bench;

import io.jrrtui.session.ReplayDebugger;
import io.jrrtui.api.CheckpointInfo;
import io.jrrtui.debugger.Debugger;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.trace.TraceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The TUI's undo and scrubber on a long recording (issue 18; not a unit test: run
 * {@code src/bench/bench.sh undo TRACE}). A person clicks the scrubber at random points and presses
 * {@code u} after each click. Undo was a jump to the event it came from (a replay from the nearest
 * checkpoint); now it restores a checkpoint taken where the move started. Prints the medians and
 * maxima of the clicks, of undo as a jump and of undo as a restore, and their ratio.
 *
 * <p>Arguments: trace dir (e.g. {@code jrrtui record -n -- bench_million 150000 100}), [clicks (10)].
 */
public final class UndoBench {
    private UndoBench() {}

    public static void main(String[] args) {
        Path trace = Path.of(args[0]);
        int clicks = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (Debugger d = ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD)) {
            long events = d.eventCount();
            Random random = new Random(18);
            List<Double> click = new ArrayList<>(), jumpBack = new ArrayList<>(), restore = new ArrayList<>(), mark = new ArrayList<>();
            for (int i = 0; i < clicks; i++) {
                long from = d.status().event();
                long to = 1 + (long) (random.nextDouble() * (events - 1));
                CheckpointInfo here = timed(mark, d::checkpoint);
                timed(click, () -> d.gotoEvent(to));
                timed(jumpBack, () -> d.gotoEvent(from)); // undo before: a jump to the event
                timed(click, () -> d.gotoEvent(to));
                timed(restore, () -> d.restart(here.number())); // undo now: the checkpoint
                if (d.status().event() != from) throw new IllegalStateException("restore landed at " + d.status().event() + ", not " + from);
                timed(click, () -> d.gotoEvent(to));
            }
            System.out.printf("%d events, %d clicks%n", events, clicks);
            report("scrubber click (goto)", click);
            report("checkpoint before a move", mark);
            report("undo as a jump to the event", jumpBack);
            report("undo as a checkpoint restore", restore);
            System.out.printf("undo speed-up (median jump / median restore): %.1fx%n", median(jumpBack) / median(restore));
        }
        System.exit(0);
    }

    private static <T> T timed(List<Double> into, Supplier<T> op) {
        long t0 = System.nanoTime();
        T r = op.get();
        into.add((System.nanoTime() - t0) / 1e6);
        return r;
    }

    private static double median(List<Double> ms) {
        List<Double> s = new ArrayList<>(ms);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static void report(String what, List<Double> ms) {
        System.out.printf("%-32s median %8.1f ms   max %8.1f ms   (%d)%n", what, median(ms), Collections.max(ms), ms.size());
    }
}
