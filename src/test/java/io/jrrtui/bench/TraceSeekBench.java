package io.jrrtui.bench;

import io.jrrtui.cli.Console;
import io.jrrtui.cli.Main;
import io.jrrtui.trace.TraceReader;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Positioning the event stream at event N (what replay's goto and rt_sigsuspend need): scanning
 * from the start (the reader before the index) against {@link TraceReader#eventsAfter} (index
 * lookup, then at most one block decoded). Not a unit test: run src/bench/bench.sh seek.
 * Prints medians and the worst of 20 random targets on a bench_syscalls trace (~1M events).
 */
public final class TraceSeekBench {
    private TraceSeekBench() {}

    public static void main(String[] args) throws Exception {
        Path bins = Path.of(args.length > 0 ? args[0] : "target/test-binaries");
        String rounds = args.length > 1 ? args[1] : "250000";
        Path trace = Files.createTempDirectory("jrr-seek").resolve("t");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        long t0 = System.nanoTime();
        int status = new Main().run(List.of("record", "-q", "-o", trace.toString(), "--stdout", "/dev/null", "--",
                bins.resolve("bench_syscalls").toString(), rounds), new Console(new ByteArrayInputStream(new byte[0]), quiet, System.err));
        if (status != 0) throw new IllegalStateException("record failed: " + status);
        TraceReader reader = TraceReader.open(trace);
        long events = reader.info().eventCount();
        System.out.printf("trace: %d events, recorded in %.1f s%n", events, (System.nanoTime() - t0) / 1e9);
        Random r = new Random(11);
        long[] targets = new long[20];
        for (int i = 0; i < targets.length; i++) targets[i] = 1 + (long) (r.nextDouble() * (events - 1));
        long[] scan = new long[targets.length];
        long[] seek = new long[targets.length];
        try (TraceReader.EventCursor c = reader.events()) { // warm-up: JIT and page cache
            while (c.next() != null) { }
        }
        for (int i = 0; i < targets.length; i++) {
            long n = targets[i];
            seek[i] = time(() -> {
                try (TraceReader.EventCursor c = reader.eventsAfter(n)) {
                    if (c.next().number() != n + 1) throw new IllegalStateException("seek landed elsewhere");
                }
            });
        }
        for (int i = 0; i < targets.length; i++) {
            long n = targets[i];
            scan[i] = time(() -> {
                try (TraceReader.EventCursor c = reader.events()) {
                    for (long k = 0; k < n; k++) c.next();
                }
            });
        }
        System.out.printf("%-28s %10s %10s%n", "position at event N", "median ms", "max ms");
        System.out.printf("%-28s %10.1f %10.1f%n", "scan from start (before)", median(scan) / 1e6, max(scan) / 1e6);
        System.out.printf("%-28s %10.1f %10.1f%n", "index + one block (after)", median(seek) / 1e6, max(seek) / 1e6);
        System.out.printf("speed-up (median): %.0fx%n", (double) median(scan) / median(seek));
    }

    private static long time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return System.nanoTime() - t;
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static long max(long[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
