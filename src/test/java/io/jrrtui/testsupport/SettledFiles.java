package io.jrrtui.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Future;

/**
 * Data files for the tests of reads kept by reference: the recorder refers only to file versions
 * whose ctime is older than the recording's start by a margin (coarse timestamps), so these files
 * are written and then left alone for longer than that margin.
 */
public final class SettledFiles {
    private static final long SETTLE_MS = 2300;

    private SettledFiles() {}

    /** Writes size pseudo-random bytes (the same for every name) into each dir/name, then waits until they are settled. */
    public static void create(Path dir, int size, String... names) throws IOException, InterruptedException {
        byte[] bytes = new byte[size];
        new Random(13).nextBytes(bytes);
        for (String name : names) Files.write(dir.resolve(name), bytes);
        Thread.sleep(SETTLE_MS);
    }

    /**
     * The pid of a process whose command line names file once it has read at least bytes (its
     * /proc/PID/io rchar), or -1 if done completes first.
     */
    public static long awaitReader(Path file, long bytes, Future<?> done) throws IOException, InterruptedException {
        String name = file.toString();
        while (!done.isDone()) {
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        if (!new String(Files.readAllBytes(p.resolve("cmdline"))).contains(name)) continue;
                        for (String line : Files.readAllLines(p.resolve("io"))) {
                            if (line.startsWith("rchar: ") && Long.parseLong(line.substring(7)) >= bytes) {
                                return Long.parseLong(p.getFileName().toString());
                            }
                        }
                    } catch (IOException | RuntimeException gone) {
                        // exited meanwhile
                    }
                }
            }
            Thread.sleep(5);
        }
        return -1;
    }
}
