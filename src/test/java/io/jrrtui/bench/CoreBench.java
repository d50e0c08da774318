package io.jrrtui.bench;

import io.jrrtui.core.CoreTarget;
import io.jrrtui.debugger.Debugger;
import io.jrrtui.repl.BatchRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Benchmark (not a unit test): post-mortem start-up, opening a core file and answering
 * {@code thread apply all bt}, in-process (program and library symbols loaded, every thread
 * unwound), against {@code gdb -nx -batch -ex 'thread apply all bt' PROGRAM CORE}; prints medians
 * and the ratio.
 *
 * <pre>java -cp target/jrrtui.jar:target/test-classes io.jrrtui.bench.CoreBench [PROGRAM CORE]</pre>
 * Without arguments it makes the kernel dump target/test-binaries/pm_worker_segv (four threads) in
 * /tmp/jrrtui-core-bench.
 */
public final class CoreBench {
    private static final List<String> COMMANDS = List.of("thread apply all bt");

    private CoreBench() {}

    public static void main(String[] args) throws Exception {
        Path program = Path.of(args.length > 1 ? args[0] : "target/test-binaries/pm_worker_segv");
        Path core = args.length > 1 ? Path.of(args[1]) : dump(program, Path.of("/tmp/jrrtui-core-bench"));
        System.out.printf("core: %s (%.1f MB) of %s%n", core, Files.size(core) / 1e6, program);
        int runs = 5;
        double[] ours = new double[runs];
        String frames = "";
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            frames = backtraces(program, core);
            ours[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] gdb = new double[3];
        String gdbOut = "";
        for (int i = 0; i < gdb.length; i++) {
            long t0 = System.nanoTime();
            gdbOut = run(List.of("gdb", "-nx", "-batch", "-ex", "thread apply all bt", program.toString(), core.toString()));
            gdb[i] = (System.nanoTime() - t0) / 1e6;
        }
        System.out.printf("frames shown: jrrtui %d, gdb %d (gdb expands more inlined libc frames)%n", count(frames), count(gdbOut));
        System.out.printf("jrrtui open core + symbols + thread apply all bt: first %.0f ms, median of %d runs %.0f ms%n", ours[0], runs, median(ours));
        System.out.printf("  last run: open core %.0f ms, debugger start (symbols) %.0f ms, backtraces %.0f ms%n", PHASES[0], PHASES[1], PHASES[2]);
        System.out.printf("gdb -batch thread apply all bt (incl. gdb start-up): median of %d runs %.0f ms%n", gdb.length, median(gdb));
        System.out.printf("ratio jrrtui/gdb: first %.2f, warm %.2f%n", ours[0] / median(gdb), median(ours) / median(gdb));
    }

    /** Milliseconds of the last run's phases: open the core, start the debugger (symbols), answer. */
    private static final double[] PHASES = new double[3];

    private static String backtraces(Path program, Path core) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        CoreTarget target = CoreTarget.open(program, core);
        long t1 = System.nanoTime();
        try (Debugger d = Debugger.over(target, 0, null);
                PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            long t2 = System.nanoTime();
            BatchRunner.run(d, COMMANDS, o, o);
            long t3 = System.nanoTime();
            PHASES[0] = (t1 - t0) / 1e6;
            PHASES[1] = (t2 - t1) / 1e6;
            PHASES[2] = (t3 - t2) / 1e6;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static long count(String out) {
        return out.lines().filter(l -> l.startsWith("#")).count();
    }

    /** Runs program (which crashes) with cores enabled in dir; returns the core it left. */
    private static Path dump(Path program, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.toList()) Files.delete(p);
        }
        new ProcessBuilder("sh", "-c", "ulimit -c unlimited && exec \"$0\" >/dev/null 2>&1", program.toAbsolutePath().toString())
                .directory(dir.toFile()).start().waitFor(60, TimeUnit.SECONDS);
        String pattern = Files.readString(Path.of("/proc/sys/kernel/core_pattern")).strip();
        try (Stream<Path> files = Files.list(dir)) {
            return files.findFirst().orElseThrow(() -> new IllegalStateException("no core in " + dir + " (core_pattern: " + pattern + ")"));
        }
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return out;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
