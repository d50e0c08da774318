package io.jrrtui.bench;

import io.jrrtui.cli.Console;
import io.jrrtui.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Record and replay cost as ratios to a native run (not a unit test: run src/bench/bench.sh).
 * Times are medians of several runs of the engine in this JVM (JVM start-up excluded, as it is a
 * constant the user pays once).
 */
public final class RecordReplayBench {
    private RecordReplayBench() {}

    public static void main(String[] args) throws Exception {
        Path bins = Path.of(args.length > 0 ? args[0] : "target/test-binaries");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String[][] workloads = {
            {"compute-bound", "bench_compute"},
            {"syscall-heavy", "bench_syscalls"},
            {"multi-threaded", "bench_threads"},
            {"startup (hello)", "hello"},
        };
        System.out.printf("%-18s %10s %10s %8s %10s %8s %9s %8s%n", "workload", "native ms", "record ms", "ratio",
                "replay ms", "ratio", "trace", "events");
        for (String[] w : workloads) {
            Path bin = bins.resolve(w[1]);
            if (!Files.isExecutable(bin)) {
                System.out.println(w[0] + ": " + bin + " not built (run mvn package first)");
                continue;
            }
            bench(w[0], bin, runs);
        }
    }

    private static void bench(String label, Path bin, int runs) throws Exception {
        Path tmp = Files.createTempDirectory("jrr-bench");
        try {
            long nativeNs = median(runs, () -> runNative(bin));
            List<Path> traces = new ArrayList<>();
            long recordNs = median(runs, () -> {
                Path t = tmp.resolve("t" + traces.size());
                traces.add(t);
                jrr("record", "-q", "--experimental-tasks", "-o", t.toString(), "--stdout", "/dev/null", "--", bin.toString());
            });
            Path trace = traces.get(0);
            long replayNs = median(runs, () -> jrr("replay", "-a", trace.toString()));
            long size = 0;
            try (var s = Files.list(trace)) {
                for (Path p : s.toList()) size += Files.size(p);
            }
            String events = Files.readAllLines(trace.resolve("trace.properties")).stream()
                    .filter(l -> l.startsWith("events=")).findFirst().orElse("events=?").substring(7);
            System.out.printf("%-18s %10.1f %10.1f %7.2fx %10.1f %7.2fx %8dK %8s%n", label, nativeNs / 1e6, recordNs / 1e6,
                    (double) recordNs / nativeNs, replayNs / 1e6, (double) replayNs / nativeNs, size / 1024, events);
        } finally {
            try (var s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    interface Job {
        void run() throws Exception;
    }

    static long median(int runs, Job job) throws Exception {
        job.run(); // warm-up (JIT, page cache)
        long[] t = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            job.run();
            t[i] = System.nanoTime() - start;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }

    private static void runNative(Path bin) throws IOException, InterruptedException {
        runNative(List.of(bin.toString()));
    }

    /** Runs a command natively with its output discarded; fails unless it exits with 0. */
    static void runNative(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (InputStream ignored = p.getInputStream()) {
            if (p.waitFor() != 0) throw new IllegalStateException(cmd + " failed");
        }
    }

    static void jrr(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Main().run(List.of(args), new Console(InputStream.nullInputStream(), new PrintStream(out), new PrintStream(err)));
        if (status != 0) throw new IllegalStateException(String.join(" ", args) + " failed: " + err);
    }
}
