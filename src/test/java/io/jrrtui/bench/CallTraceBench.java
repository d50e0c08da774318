package io.jrrtui.bench;

import io.jrrtui.cli.Console;
import io.jrrtui.cli.Main;
import io.jrrtui.debugger.CallTracer;
import io.jrrtui.live.LiveSession;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.replay.ReplaySession;
import io.jrrtui.sys.TraceeLauncher;
import io.jrrtui.trace.TraceReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * jrrtui trace cost (not a unit test): ct_bench calls work() N times; traced over its recording
 * and live, against the untraced native run and a plain {@code replay -a} of the same recording.
 * Run: java -Djrrtui.native=target/native -cp target/jrrtui.jar:target/test-classes io.jrrtui.bench.CallTraceBench target/test-binaries
 */
public final class CallTraceBench {
    private static final CallTracer.Options WORK = new CallTracer.Options(Pattern.compile("^work$"), 0, 0);

    private CallTraceBench() {}

    public static void main(String[] args) throws Exception {
        Path bin = Path.of(args.length > 0 ? args[0] : "target/test-binaries").resolve("ct_bench");
        Path tmp = Files.createTempDirectory("jrr-trace-bench");
        Path none = record(bin, tmp, 0);
        for (int i = 0; i < 3; i++) traceReplay(record(bin, tmp, 5000 + i)); // warm up the JVM
        long fixedReplay = best(() -> traceReplay(none));
        long fixedLive = best(() -> traceLive(bin, 0));
        System.out.printf("fixed cost (work() never called): trace %.1f ms, --live %.1f ms%n", fixedReplay / 1e6, fixedLive / 1e6);
        System.out.printf("%-8s %9s %10s %11s %11s %13s %13s %11s %13s%n", "calls", "native", "replay -a", "trace", "per call",
                "trace/native", "trace/replay", "--live", "live/native");
        for (long n : new long[] {10_000, 100_000}) {
            Path trace = record(bin, tmp, n);
            long nativeNs = best(() -> runNative(bin, n));
            long replayNs = best(() -> replay(trace));
            long[] lines = new long[1];
            long traceNs = time(() -> lines[0] = traceReplay(trace));
            if (lines[0] != 2 * n) throw new IllegalStateException("expected " + 2 * n + " lines, got " + lines[0]);
            long liveNs = time(() -> traceLive(bin, n));
            System.out.printf("%-8d %6.1f ms %7.1f ms %8.1f ms %8.1f us %12.0fx %12.1fx %8.1f ms %12.0fx%n", n, nativeNs / 1e6,
                    replayNs / 1e6, traceNs / 1e6, (traceNs - fixedReplay) / 1e3 / n, (double) traceNs / nativeNs,
                    (double) traceNs / replayNs, liveNs / 1e6, (double) liveNs / nativeNs);
        }
    }

    private static long traceReplay(Path trace) {
        AtomicLong lines = new AtomicLong();
        try (ReplaySession s = ReplaySession.start(TraceReader.open(trace), OutputSink.DISCARD)) {
            CallTracer.over(s, WORK, l -> lines.incrementAndGet()).run();
        }
        return lines.get();
    }

    private static void traceLive(Path bin, long n) {
        TraceeLauncher.Stdio quiet = new TraceeLauncher.Stdio(null, "/dev/null", null);
        try (LiveSession s = LiveSession.start(bin, List.of(bin.toString(), Long.toString(n)), List.of(), quiet)) {
            CallTracer.over(s, WORK, l -> { }).run();
        }
    }

    private static void replay(Path trace) {
        try (ReplaySession s = ReplaySession.start(TraceReader.open(trace), OutputSink.DISCARD)) {
            s.runToEnd();
        }
    }

    private static void runNative(Path bin, long n) throws Exception {
        Process p = new ProcessBuilder(bin.toString(), Long.toString(n)).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
    }

    private static Path record(Path bin, Path tmp, long n) {
        Path trace = tmp.resolve("t-" + n);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Main().run(List.of("record", "-q", "-o", trace.toString(), "--stdout", "/dev/null", "--", bin.toString(),
                Long.toString(n)), new Console(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)));
        if (status != 0) throw new IllegalStateException("record failed: " + err);
        return trace;
    }

    interface Job {
        void run() throws Exception;
    }

    private static long best(Job j) throws Exception {
        long b = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) b = Math.min(b, time(j));
        return b;
    }

    private static long time(Job j) throws Exception {
        long t = System.nanoTime();
        j.run();
        return System.nanoTime() - t;
    }
}
