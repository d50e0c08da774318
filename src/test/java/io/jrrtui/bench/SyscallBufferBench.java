package io.jrrtui.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Syscall buffering (issue 13): record and replay of syscall-heavy workloads as ratios to native,
 * with the ptrace path and, when asked, with {@code --syscall-buffer}. Not a unit test: run
 * {@code src/bench/bench.sh syscallbuf}. Medians of several runs in this JVM (JVM start excluded).
 *
 * <p>Arguments: BINS RUNS SCALE MODES ONLY — SCALE divides every workload's iteration count (the
 * ptrace path of 1M clock_gettime takes minutes), MODES is {@code ptrace}, {@code buffer} or
 * {@code both}, ONLY keeps the workloads whose program name contains it.
 */
public final class SyscallBufferBench {
    private SyscallBufferBench() {}

    /**
     * A workload: label, program, its iteration count at scale 1 (0: takes no count), the issue's
     * target and the buffered figures (record/replay ratios) of the first buffering session, at full
     * scale, for comparison; args go before the count.
     */
    private record Workload(String label, String program, long count, String target, String before, List<String> args) {
        Workload(String label, String program, long count, String target, String before) {
            this(label, program, count, target, before, List.of());
        }
    }

    /**
     * A regular file older than the recording (the recorder refers to reads of such files instead of
     * keeping their bytes): libc, about 2 MB, read round and round.
     */
    private static final String READ_FILE = "/lib/x86_64-linux-gnu/libc.so.6";

    private static final List<Workload> WORKLOADS = List.of(
            new Workload("syscall loop", "bench_sysloop", 20_000, "rec<=3x rep<=2x", "7.3x/0.85x"),
            new Workload("100k x 4KB read", "bench_read4k", 100_000, "rec<=1.5x", "7.9x/6.1x"),
            new Workload("100k x 4KB file", "bench_readfile", 100_000, "rec<=1.5x", "-", List.of(READ_FILE)),
            new Workload("1M clock_gettime", "bench_clock", 1_000_000, "rec<=3x", "10.1x/2.7x"),
            new Workload("compute-bound", "bench_compute", 0, "rec<=1.1x", "-"),
            new Workload("mutex (4 threads)", "bench_threads", 0, "rec<=2x", "3.6x/1.4x"),
            // 20k write(2)s to a log beside a file mapped shared and writable (the JVM's hsperfdata
            // case): before fid4 the process stopped buffering at that mmap, i.e. its ptrace figures
            new Workload("writes, shared map", "fc_shared_map_buffered_writes", 0, "as syscall loop", "= ptrace row"));

    public static void main(String[] args) throws Exception {
        Path bins = Path.of(args.length > 0 ? args[0] : "target/test-binaries");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long scale = args.length > 2 ? Long.parseLong(args[2]) : 1;
        String modes = args.length > 3 ? args[3] : "both";
        String only = args.length > 4 ? args[4] : ""; // programs whose name contains this (e.g. "bench_s")
        System.out.printf("runs=%d scale=1/%d (iteration counts divided by the scale)%n", runs, scale);
        System.out.println("cpu: CPU time of this JVM (recorder threads, JIT, GC) plus the program, medians; on a loaded"
                + " machine it varies far less than elapsed time");
        System.out.printf("%-18s %-7s %9s %10s %8s %10s %8s %9s  %-16s %-22s %-30s %s%n", "workload", "mode", "native ms", "record ms", "ratio",
                "replay ms", "ratio", "events", "target", "first buffered rec/rep", "cpu ms native/rec/rep (ratios)", "trace MB");
        for (Workload w : WORKLOADS) {
            Path bin = bins.resolve(w.program());
            if (!w.program().contains(only)) continue;
            if (!Files.isExecutable(bin)) {
                System.out.println(w.label() + ": " + bin + " not built (run mvn package first)");
                continue;
            }
            List<String> cmd = new ArrayList<>(List.of(bin.toString()));
            for (String a : w.args()) cmd.add(Files.exists(Path.of(a)) ? Path.of(a).toRealPath().toString() : a);
            if (w.count() > 0) cmd.add(Long.toString(Math.max(1, w.count() / scale)));
            Cost nativeCost = measure(runs, () -> RecordReplayBench.runNative(cmd));
            if (!modes.equals("buffer")) bench(w, "ptrace", cmd, List.of("--no-syscall-buffer"), nativeCost, runs);
            if (!modes.equals("ptrace")) bench(w, "buffer", cmd, List.of("--syscall-buffer"), nativeCost, runs);
        }
    }

    /** Bytes of the files under dir (a trace recorded with -o: its events, data and own file store). */
    private static long treeBytes(Path dir) throws java.io.IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Medians of a job's elapsed time and of its CPU time (this process and the children it reaped). */
    private record Cost(long elapsedNs, long cpuMs) {}

    private static Cost measure(int runs, RecordReplayBench.Job job) throws Exception {
        job.run(); // warm-up (JIT, page cache)
        long[] elapsed = new long[runs], cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = cpuMs(), t0 = System.nanoTime();
            job.run();
            elapsed[i] = System.nanoTime() - t0;
            cpu[i] = cpuMs() - c0;
        }
        java.util.Arrays.sort(elapsed);
        java.util.Arrays.sort(cpu);
        return new Cost(elapsed[runs / 2], cpu[runs / 2]);
    }

    /** utime + stime + cutime + cstime of this process from /proc/self/stat, in ms (clock ticks of 10 ms). */
    private static long cpuMs() throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = 0;
        for (int i = 11; i <= 14; i++) ticks += Long.parseLong(f[i]); // fields 14-17 of proc(5)
        return ticks * 10;
    }

    private static void bench(Workload w, String mode, List<String> cmd, List<String> flags, Cost nativeCost, int runs)
            throws Exception {
        Path tmp = Files.createTempDirectory("jrr-bench");
        try {
            List<Path> traces = new ArrayList<>();
            Cost record = measure(runs, () -> {
                Path t = tmp.resolve("t" + traces.size());
                traces.add(t);
                List<String> a = new ArrayList<>(List.of("record", "-q", "-o", t.toString(), "--stdout", "/dev/null"));
                a.addAll(flags);
                a.add("--");
                a.addAll(cmd);
                RecordReplayBench.jrr(a.toArray(new String[0]));
            });
            Path trace = traces.get(0);
            Cost replay = measure(runs, () -> RecordReplayBench.jrr("replay", "-a", trace.toString()));
            long nativeNs = nativeCost.elapsedNs(), recordNs = record.elapsedNs(), replayNs = replay.elapsedNs();
            double nativeCpu = Math.max(10, nativeCost.cpuMs());
            String events = Files.readAllLines(trace.resolve("trace.properties")).stream()
                    .filter(l -> l.startsWith("events=")).findFirst().orElse("events=?").substring(7);
            String cpu = String.format("%d/%d/%d (%.1fx/%.1fx)", nativeCost.cpuMs(), record.cpuMs(), replay.cpuMs(),
                    record.cpuMs() / nativeCpu, replay.cpuMs() / nativeCpu);
            System.out.printf("%-18s %-7s %9.1f %10.1f %7.2fx %10.1f %7.2fx %9s  %-16s %-22s %-30s %.1f%n", w.label(), mode,
                    nativeNs / 1e6, recordNs / 1e6, (double) recordNs / nativeNs, replayNs / 1e6, (double) replayNs / nativeNs, events,
                    w.target(), w.before(), cpu, treeBytes(trace) / 1e6);
        } finally {
            try (var s = Files.walk(tmp)) {
                s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
