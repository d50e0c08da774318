package io.jrrtui.bench;

import io.jrrtui.api.DebugSession;
import io.jrrtui.api.StopEvent;
import io.jrrtui.cli.Console;
import io.jrrtui.cli.Main;
import io.jrrtui.debugger.Debugger;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.session.ReplayDebugger;
import io.jrrtui.target.InterruptedOperation;
import io.jrrtui.trace.TraceReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Time travel on recordings of real length (issue 11; not a unit test: run
 * {@code src/bench/bench.sh scale}). On a ~1M-event recording (bench_million) and on
 * mt_racy_counter (4 threads, 40M racy writes): goto random events (median and max), the first
 * prompt, reverse-continue to a breakpoint hit near the end, reverse-next / reverse-step /
 * reverse-finish / last after it, and {@code watch -l counter} + reverse-continue from the end; plus
 * the memory the checkpoints hold. The same operations on mt_dense_stretch (2 threads, 3M calls of
 * store() each without a syscall) with a breakpoint on store() and a watch on {@code last}. An operation that takes longer than the limit is interrupted
 * and reported as such (the debugger is then opened afresh).
 *
 * <p>Arguments: test-binaries dir, [trace dir to keep/reuse recordings], [goto targets (20)],
 * [limit per operation in seconds (120)], [which: all|million|racy|dense].
 */
public final class ScaleBench {
    private final Path traceDir;
    private final int gotoTargets;
    private final long limitSeconds;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scale-bench-timer");
        t.setDaemon(true);
        return t;
    });

    private ScaleBench(Path traceDir, int gotoTargets, long limitSeconds) {
        this.traceDir = traceDir;
        this.gotoTargets = gotoTargets;
        this.limitSeconds = limitSeconds;
    }

    public static void main(String[] args) throws Exception {
        Path bins = Path.of(args.length > 0 ? args[0] : "target/test-binaries");
        Path traces = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("jrr-scale-bench");
        int targets = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        long limit = args.length > 3 ? Long.parseLong(args[3]) : 120;
        String which = args.length > 4 ? args[4] : "all";
        ScaleBench b = new ScaleBench(traces, targets, limit);
        boolean all = which.equals("all");
        if (all || which.equals("million")) {
            Path t = b.record("million", bins.resolve("bench_million"), "1000000", "3000");
            b.run(t, "tick", "counter");
        }
        if (all || which.equals("racy")) {
            Path t = b.record("racy", bins.resolve("mt_racy_counter"));
            b.run(t, "mt_racy_counter.c:" + lineOf(bins, "mt_racy_counter.c", "counter = seen + 1"), "counter");
        }
        if (all || which.equals("dense")) {
            // two threads, 3M calls of store() each inside one syscall-free stretch
            Path t = b.record("dense", bins.resolve("mt_dense_stretch"));
            b.run(t, "store", "last");
        }
        System.exit(0);
    }

    /** Records once into the trace dir; a recording already there is reused (before/after runs compare the same trace). */
    private Path record(String name, Path bin, String... args) {
        Path trace = traceDir.resolve(name);
        if (Files.isDirectory(trace)) {
            System.out.printf("%s: reusing the recording in %s%n", name, trace);
            return trace;
        }
        List<String> cmd = new ArrayList<>(List.of("record", "-q", "-o", trace.toString(), "--stdout", "/dev/null", "--", bin.toString()));
        cmd.addAll(List.of(args));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        int status = new Main().run(cmd, new Console(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)));
        long ns = System.nanoTime() - t0;
        if (status > 1) throw new IllegalStateException("record failed: " + err);
        long nat = nativeNanos(bin, args);
        System.out.printf("%s: recorded in %.1f s (native run %.1f s)%n", name, ns / 1e9, nat / 1e9);
        return trace;
    }

    private static long nativeNanos(Path bin, String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of(bin.toString()));
            cmd.addAll(List.of(args));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor();
            return System.nanoTime() - t0;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Op {
        Object run(Debugger d) throws Exception;
    }

    /** A debugger that is reopened after an interrupted operation (its position is then unknown). */
    private final class Session implements AutoCloseable {
        final Path trace;
        Debugger d;

        Session(Path trace) {
            this.trace = trace;
        }

        Debugger get() throws IOException {
            if (d == null) d = ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD);
            return d;
        }

        /** Whether the last operation did not finish (the position the next one starts from is lost). */
        boolean lost;

        /**
         * Runs op, printing its time (or that it passed the limit, or failed); returns its result or
         * null. With dependsOnLast, it is skipped when the operation before did not finish.
         */
        Object timed(String label, boolean dependsOnLast, Op op) throws Exception {
            if (dependsOnLast && lost) {
                System.out.printf("  %-44s %10s     (not measured: the operation before did not finish)%n", label, "-");
                return null;
            }
            lost = false;
            Debugger dbg = get();
            ScheduledFuture<?> alarm = timer.schedule(dbg::interrupt, limitSeconds, TimeUnit.SECONDS);
            long t0 = System.nanoTime();
            try {
                Object r = op.run(dbg);
                long ns = System.nanoTime() - t0;
                System.out.printf("  %-44s %10.2f s   %s%n", label, ns / 1e9, r == null ? "" : describe(r));
                return r;
            } catch (InterruptedOperation e) {
                System.out.printf("  %-44s %10s     (interrupted)%n", label, "> " + limitSeconds + " s");
                close();
                lost = true;
                return null;
            } catch (io.jrrtui.util.JrrException e) {
                System.out.printf("  %-44s %10s     (failed: %s)%n", label, "-", e.getMessage());
                lost = true;
                return null;
            } finally {
                alarm.cancel(false);
            }
        }

        /**
         * The checkpoints' memory now; an interrupted operation closed the session (and its
         * checkpoints), so then there is nothing to measure: "0 processes" would mislead.
         */
        void printMemory() {
            String label = "checkpoint memory (private, above the program)";
            if (d == null) System.out.printf("  %-44s not measured (the session was reopened after an interruption)%n", label);
            else System.out.printf("  %-44s %s%n", label, CheckpointMemory.describe());
        }

        @Override
        public void close() {
            if (d != null) d.close();
            d = null;
        }
    }

    private static String describe(Object r) {
        if (r instanceof StopEvent s) {
            String where = s.where() == null || s.where().function() == null ? "" : s.where().function() + ":" + s.where().line();
            return s.reason() + " at event " + s.event() + " " + where;
        }
        return r.toString();
    }

    private void run(Path trace, String breakAt, String watchExpr) throws Exception {
        try (Session s = new Session(trace)) {
            long o0 = System.nanoTime();
            Debugger d = s.get();
            System.out.printf("  %-44s %10.2f s   (%d events)%n", "open (first prompt)", (System.nanoTime() - o0) / 1e9, d.eventCount());
            long total = d.eventCount();
            // one pass over the whole recording first (checkpoints are made where the replay has been)
            s.timed("continue to the end (first pass)", false, Debugger::cont);
            Random rnd = new Random(11);
            List<Long> gotoNs = new ArrayList<>();
            for (int i = 0; i < gotoTargets; i++) {
                long target = 2 + (long) (rnd.nextDouble() * (total - 3));
                long t0 = System.nanoTime();
                Object r = s.timed("goto " + target, false, dbg -> dbg.gotoEvent(target));
                gotoNs.add(r == null ? limitSeconds * 1_000_000_000L : System.nanoTime() - t0);
            }
            Collections.sort(gotoNs);
            if (!gotoNs.isEmpty()) System.out.printf("  %-44s %10.2f s   max %.2f s (%d targets)%n", "goto: median", gotoNs.get(gotoNs.size() / 2) / 1e9,
                    gotoNs.get(gotoNs.size() - 1) / 1e9, gotoNs.size());
            s.timed("continue to the end", false, Debugger::cont);
            s.timed("break " + breakAt + "; reverse-continue", true, dbg -> {
                dbg.addBreakpoint(breakAt, null, false);
                return dbg.reverseContinue();
            });
            s.timed("reverse-next", true, Debugger::reverseNext);
            s.timed("reverse-step", true, Debugger::reverseStep);
            s.timed("reverse-finish", true, Debugger::reverseFinish);
            s.timed("last " + watchExpr, true, dbg -> dbg.last(watchExpr));
            s.printMemory();
            s.lost = false;
            // a watchpoint needs a live program: set it just before the end, then go to the end
            Op watchSetup = dbg -> {
                dbg.deleteBreakpoints(List.of());
                dbg.gotoEvent(total - 2);
                dbg.addWatchpoint(watchExpr, DebugSession.WatchKind.WRITE, true);
                return dbg.cont();
            };
            s.timed("(delete; goto the end - 2; watch -l " + watchExpr + "; continue)", false, watchSetup);
            if (s.lost) {
                // the session may be unusable after a failure: the watch is measured in a fresh one
                s.close();
                s.timed("(the same in a fresh session)", false, watchSetup);
            }
            s.timed("watch -l " + watchExpr + " reverse-continue from the end", true, Debugger::reverseContinue);
            s.printMemory();
            // the same without the checkpoints the searches above left near the answer
            s.close();
            s.timed("(fresh session: the same watch setup)", false, watchSetup);
            s.timed("watch -l " + watchExpr + " rc from the end, fresh session", true, Debugger::reverseContinue);
        }
    }

    private static int lineOf(Path bins, String file, String text) throws IOException {
        Path src = Path.of(System.getProperty("jrrtui.projectDir", "."), "test-binaries", file);
        List<String> lines = Files.readAllLines(src);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new IllegalStateException(text + " not in " + src);
    }
}
