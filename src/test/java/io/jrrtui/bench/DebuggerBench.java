package io.jrrtui.bench;

import io.jrrtui.api.StopEvent;
import io.jrrtui.cli.Console;
import io.jrrtui.cli.Main;
import io.jrrtui.debugger.Debugger;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.session.ReplayDebugger;
import io.jrrtui.trace.TraceReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Time-travel latencies (not a unit test: run src/bench/bench.sh debugger): goto N against trace
 * length, reverse-continue over 10k / 1M / 10M instructions, reverse-step and reverse-stepi.
 */
public final class DebuggerBench {
    private DebuggerBench() {}

    public static void main(String[] args) throws Exception {
        Path bin = Path.of(args.length > 0 ? args[0] : "target/test-binaries").resolve("bench_loop");
        Path tmp = Files.createTempDirectory("jrr-dbg-bench");
        System.out.println("goto N (restore the nearest checkpoint, re-execute at native speed):");
        System.out.printf("  %-12s %14s %14s %14s%n", "events", "goto middle", "goto start+1", "goto end-1");
        for (long events : new long[] {1_000, 10_000, 100_000}) {
            Path trace = record(bin, tmp, 1000, events);
            try (Debugger d = ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD)) {
                long total = d.eventCount();
                long mid = time(() -> d.gotoEvent(total / 2));
                long start = time(() -> d.gotoEvent(2));
                long end = time(() -> d.gotoEvent(total - 1));
                System.out.printf("  %-12d %11.1f ms %11.1f ms %11.1f ms%n", total, mid / 1e6, start / 1e6, end / 1e6);
            }
        }
        System.out.println("reverse-continue from the end back to a breakpoint before a syscall-free loop:");
        System.out.printf("  %-24s %14s %14s%n", "instructions re-executed", "native loop", "reverse-cont");
        for (long iterations : new long[] {1_000, 100_000, 1_000_000}) {
            Path trace = record(bin, tmp, iterations, 10);
            try (Debugger d = ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD)) {
                d.addBreakpoint("marker", null, false);
                d.cont();
                d.deleteBreakpoints(List.of());
                d.addBreakpoint("bench_loop.c:" + lineOf(bin, "printf"), null, false);
                d.cont();
                d.deleteBreakpoints(List.of());
                d.addBreakpoint("marker", null, false);
                long native0 = System.nanoTime();
                Process p = new ProcessBuilder(bin.toString(), Long.toString(iterations), "10").start();
                p.getInputStream().readAllBytes();
                p.waitFor();
                long nativeNs = System.nanoTime() - native0;
                long[] rc = new long[1];
                long ns = time(() -> {
                    StopEvent s = d.reverseContinue();
                    if (!"marker".equals(s.where().function())) throw new IllegalStateException("landed at " + s);
                });
                System.out.printf("  ~%-23d %11.1f ms %11.1f ms%n", iterations * 10, nativeNs / 1e6, ns / 1e6);
                rc[0] = ns;
            }
        }
        System.out.println("reverse-step / reverse-stepi at a line in the middle of the program:");
        Path trace = record(bin, tmp, 1000, 100);
        try (Debugger d = ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD)) {
            d.addBreakpoint("marker", null, false);
            d.cont();
            d.next();
            d.next();
            long rs = time(d::reverseStep);
            long rn = time(d::reverseNext);
            long rsi1 = time(d::reverseStepi);
            long rsi2 = time(d::reverseStepi);
            System.out.printf("  reverse-step %.1f ms, reverse-next %.1f ms, reverse-stepi %.1f ms (then %.1f ms from the cached chain)%n",
                    rs / 1e6, rn / 1e6, rsi1 / 1e6, rsi2 / 1e6);
        }
    }

    private static int lineOf(Path bin, String text) throws Exception {
        Path src = Path.of(System.getProperty("jrrtui.projectDir", "."), "test-binaries", "bench_loop.c");
        List<String> lines = Files.readAllLines(src);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text) && !lines.get(i).contains("/*")) return i + 1;
        throw new IllegalStateException(text);
    }

    private static Path record(Path bin, Path tmp, long iterations, long events) {
        Path trace = tmp.resolve("t-" + iterations + "-" + events);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Main().run(List.of("record", "-q", "-o", trace.toString(), "--stdout", "/dev/null", "--", bin.toString(),
                Long.toString(iterations), Long.toString(events)), new Console(InputStream.nullInputStream(),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)));
        if (status != 0) throw new IllegalStateException("record failed: " + err);
        return trace;
    }

    interface Job {
        void run() throws Exception;
    }

    private static long time(Job j) throws Exception {
        long t = System.nanoTime();
        j.run();
        return System.nanoTime() - t;
    }
}
