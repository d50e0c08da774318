package io.jrrtui.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The memory the replay's processes hold: every process traced by a thread of this JVM (the live
 * replay and its checkpoint forks). Copy-on-write forks share most pages, so the figure is the sum
 * of their proportional set sizes (shared pages counted once) minus the largest resident set (the
 * program's own memory).
 */
final class CheckpointMemory {
    private CheckpointMemory() {}

    static String describe() {
        Set<String> ourThreads = new HashSet<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> ourThreads.add(t.getFileName().toString()));
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        long pssKb = 0, maxRssKb = 0;
        int processes = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().matches("\\d+")) continue;
                String tracer = field(p.resolve("status"), "TracerPid:");
                if (tracer == null || !ourThreads.contains(tracer)) continue;
                String pss = field(p.resolve("smaps_rollup"), "Pss:");
                String rss = field(p.resolve("smaps_rollup"), "Rss:");
                if (pss == null || rss == null) continue;
                processes++;
                pssKb += Long.parseLong(pss);
                maxRssKb = Math.max(maxRssKb, Long.parseLong(rss));
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return String.format("%.1f MB over %d processes (all together %.1f MB, the largest %.1f MB)",
                (pssKb - maxRssKb) / 1024.0, processes, pssKb / 1024.0, maxRssKb / 1024.0);
    }

    /** The first number after key in a /proc file of "key value kB" lines, or null. */
    private static String field(Path file, String key) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String l : lines) {
                if (l.startsWith(key)) return l.substring(key.length()).trim().split("\\s+")[0];
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
