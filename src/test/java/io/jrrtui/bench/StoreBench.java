package io.jrrtui.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Disk cost of repeat recordings (not a unit test: run {@code src/bench/bench.sh store}). For each
 * program: "before" is a self-contained recording ({@code record -o DIR}: every mapped and read
 * file's contents kept in that recording, as every recording did before the shared store); "after"
 * is what a second recording of the same program adds to a trace store whose first recording
 * already holds the shared contents. Bytes are of files not hard-linked elsewhere (the program copy
 * is a link and costs nothing).
 */
public final class StoreBench {
    private StoreBench() {}

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args.length > 0 ? args[0] : "target/jrrtui").toAbsolutePath();
        if (!Files.isExecutable(launcher)) {
            System.out.println(launcher + " not built (run mvn package first)");
            return;
        }
        Path tmp = Files.createTempDirectory("jrr-store-bench");
        try {
            System.out.printf("%-26s %14s %14s %14s  %s%n", "program", "self-contained", "1st in store", "2nd adds", "target (2nd adds)");
            row(launcher.toString(), tmp, "python3 -c pass", List.of("python3", "-c", "pass"), 5);
            row(launcher.toString(), tmp, "java -version", List.of("java", "-version"), 10);
        } finally {
            delete(tmp);
        }
    }

    private static void row(String jrr, Path tmp, String label, List<String> program, int targetMb) throws Exception {
        Path alone = tmp.resolve("alone-" + label.hashCode());
        List<String> cmd = new ArrayList<>(List.of(jrr, "record", "-q", "-o", alone.toString(), "--"));
        cmd.addAll(program);
        run(cmd, null);
        long before = bytes(alone);

        Path store = tmp.resolve("store-" + label.hashCode());
        List<String> inStore = new ArrayList<>(List.of(jrr, "record", "-q", "--"));
        inStore.addAll(program);
        run(inStore, store);
        long first = bytes(store);
        run(inStore, store);
        long second = bytes(store) - first;
        System.out.printf("%-26s %14s %14s %14s  <= %d MB (%s)%n", label, mb(before), mb(first), mb(second), targetMb,
                second <= targetMb * 1048576L ? "met" : "NOT met");
    }

    private static String mb(long bytes) {
        return String.format("%.2f MB", bytes / 1048576.0);
    }

    private static void run(List<String> cmd, Path store) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(new File("/dev/null"));
        if (store != null) pb.environment().put("JRR_TRACE_DIR", store.toString());
        int status = pb.start().waitFor();
        if (status != 0) throw new IllegalStateException(String.join(" ", cmd) + " exited " + status);
    }

    /** Bytes of regular files under dir with a single link (hard links to programs cost nothing). */
    private static long bytes(Path dir) throws IOException {
        try (var w = Files.walk(dir)) {
            long sum = 0;
            for (Path f : w.toList()) {
                if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) continue;
                if ((Integer) Files.getAttribute(f, "unix:nlink", LinkOption.NOFOLLOW_LINKS) > 1) continue;
                sum += Files.size(f);
            }
            return sum;
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var w = Files.walk(dir)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
