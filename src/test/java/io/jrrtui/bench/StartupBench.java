package io.jrrtui.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What a user pays for the tool itself on short programs (not a unit test: run
 * {@code src/bench/bench.sh startup}). Every figure runs the packaged launcher {@code target/jrrtui}
 * as a separate process, JVM start included, because that start is the cost being measured.
 * Prints medians of wall and CPU time (user+system of the process and everything it waited for)
 * and the ratios the issue sets as targets.
 */
public final class StartupBench {
    private StartupBench() {}

    /** Wall and CPU time of one run, in milliseconds. */
    record Cost(double wallMs, double cpuMs) {}

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args.length > 0 ? args[0] : "target/jrrtui").toAbsolutePath();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        if (!Files.isExecutable(launcher)) {
            System.out.println(launcher + " not built (run mvn package first)");
            return;
        }
        Path tmp = Files.createTempDirectory("jrr-startup-bench");
        try {
            new StartupBench().run(launcher.toString(), tmp, runs);
        } finally {
            delete(tmp);
        }
    }

    private int traceNo;

    /**
     * The interpreter itself: "python3" on PATH may be a version manager's shell-script shim (pyenv)
     * that runs dozens of processes before Python, which would be measured instead.
     */
    private static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private void run(String jrr, Path tmp, int runs) throws Exception {
        Path trueTrace = tmp.resolve("true");
        run(List.of(jrr, "record", "-q", "-o", trueTrace.toString(), "--", "/bin/true"));

        Cost javaVersion = median(runs, () -> List.of("java", "-version"));
        Cost recordTrue = median(runs, () -> List.of(jrr, "record", "-q", "-o", next(tmp), "--", "/bin/true"));
        Cost replayTrue = median(runs, () -> List.of(jrr, "replay", "-a", trueTrace.toString()));
        String python = python();
        Cost pythonNative = median(runs, () -> List.of(python, "-c", "pass"));
        Cost pythonRecord = median(runs, () -> List.of(jrr, "record", "-q", "-o", next(tmp), "--", python, "-c", "pass"));
        double[] pair = medianPair(runs, () -> List.of(jrr, "record", "-q", "-o", next(tmp), "--", python, "-c", "pass"));

        System.out.printf("%-34s %9s %9s %9s %9s  %s%n", "run (median of " + runs + ")", "wall ms", "cpu ms", "wall x", "cpu x",
                "target (wall)");
        row("java -version", javaVersion, javaVersion, "(baseline)");
        row("record -- /bin/true", recordTrue, javaVersion, "<= 300 ms or <= 4.0x java -version");
        row("replay -a (of /bin/true)", replayTrue, javaVersion, "<= 300 ms or <= 4.0x java -version");
        row("python3 -c pass (native)", pythonNative, pythonNative, "(baseline)");
        row("record -- python3 -c pass", pythonRecord, pythonNative, "<= 5.0x native");
        System.out.printf("%-34s %9.0f %9s %8.2fx %9s  %s%n", "two python records at once (each)", pair[0], "",
                pair[1], "", "<= 1.3x alone (ratio to a lone run in the same round)");
        // On a shared machine the wall figures follow the load; CPU (user+system) is the steadier one.
        System.out.printf("%n(cpus %d, load average %s)%n", Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static void row(String label, Cost c, Cost base, String target) {
        System.out.printf("%-34s %9.0f %9.0f %8.2fx %8.2fx  %s%n", label, c.wallMs(), c.cpuMs(), c.wallMs() / base.wallMs(),
                c.cpuMs() / Math.max(base.cpuMs(), 10), target);
    }

    private String next(Path tmp) {
        return tmp.resolve("t" + traceNo++).toString();
    }

    interface CommandLine {
        List<String> get();
    }

    /** One warm-up run (page cache), then the median wall and the median CPU of runs runs. */
    private static Cost median(int runs, CommandLine cmd) throws Exception {
        run(cmd.get());
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            Cost c = run(cmd.get());
            wall[i] = c.wallMs();
            cpu[i] = c.cpuMs();
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new Cost(wall[runs / 2], cpu[runs / 2]);
    }

    /**
     * Two copies of cmd started together (the slower of the pair counts), each round right after one
     * copy alone, so that both see the same load of a shared machine: {median pair wall ms, median of
     * the rounds' pair/alone ratios}.
     */
    private static double[] medianPair(int runs, CommandLine cmd) throws Exception {
        double[] wall = new double[runs];
        double[] ratio = new double[runs];
        for (int i = 0; i < runs; i++) {
            double alone = run(cmd.get()).wallMs();
            long start = System.nanoTime();
            Process a = start(cmd.get());
            Process b = start(cmd.get());
            finish(a, cmd.get());
            finish(b, cmd.get());
            wall[i] = (System.nanoTime() - start) / 1e6;
            ratio[i] = wall[i] / alone;
        }
        Arrays.sort(wall);
        Arrays.sort(ratio);
        return new double[] {wall[runs / 2], ratio[runs / 2]};
    }

    /**
     * Runs cmd to its end. CPU comes from this JVM's cutime+cstime in /proc/self/stat, which grows
     * by a child's (and its waited-for descendants') CPU when the child is reaped.
     */
    private static Cost run(List<String> cmd) throws IOException, InterruptedException {
        long cpu0 = childrenTicks();
        long start = System.nanoTime();
        finish(start(cmd), cmd);
        long wall = System.nanoTime() - start;
        return new Cost(wall / 1e6, (childrenTicks() - cpu0) * 10.0);
    }

    private static Process start(List<String> cmd) throws IOException {
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(new File("/dev/null")).start();
    }

    /** Waits for p; a failed run is reported with its error output, since its time would mislead. */
    private static void finish(Process p, List<String> cmd) throws InterruptedException, IOException {
        byte[] err = p.getErrorStream().readAllBytes();
        int status = p.waitFor();
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited with " + status + ": " + new String(err).strip());
        }
    }

    /** cutime + cstime of this process, in clock ticks (USER_HZ, 100 on Linux x86-64). */
    private static long childrenTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) ": state is field 3, so cutime (16) and cstime (17) sit at 13 and 14
        return Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    private static void delete(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
