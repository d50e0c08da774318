package io.jrrtui.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Core files the kernel writes for crashing test programs: the program runs in a fresh directory
 * with {@code ulimit -c unlimited}, and the core is whatever other file appears there.
 * Tests are skipped, with the reason, where the kernel sends cores elsewhere (core_pattern a pipe
 * or an absolute path, as systemd-coredump and apport set it) or writes none.
 */
public final class KernelCores {
    private static final Map<Path, Path> MADE = new HashMap<>();

    private KernelCores() {}

    /** The core of running program (which must crash), made once per JVM under dir. */
    public static synchronized Path of(Path program, Path dir) {
        Path cached = MADE.get(program);
        if (cached != null && Files.isRegularFile(cached)) return cached;
        String pattern = corePattern();
        assumeTrue(!pattern.startsWith("|"), "core_pattern pipes cores to a program (" + pattern + "): no core file to test with");
        assumeTrue(!pattern.startsWith("/"), "core_pattern writes cores to " + pattern + ", not the working directory");
        try {
            Path work = dir.resolve(program.getFileName() + "-core");
            if (Files.isDirectory(work)) {
                try (Stream<Path> old = Files.list(work)) {
                    for (Path p : old.toList()) Files.delete(p);
                }
            }
            Files.createDirectories(work);
            Process p = new ProcessBuilder("sh", "-c", "ulimit -c unlimited && exec \"$0\"", program.toAbsolutePath().toString())
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("output.txt").toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(program + " did not crash within 60 s");
            }
            Path core;
            try (Stream<Path> files = Files.list(work)) {
                core = files.filter(f -> !f.getFileName().toString().equals("output.txt")).findFirst().orElse(null);
            }
            assumeTrue(core != null, "the kernel wrote no core for " + program + " (exit " + p.exitValue()
                    + ", core_pattern " + pattern + "; cores disabled by a hard RLIMIT_CORE?)");
            MADE.put(program, core);
            return core;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + program + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String corePattern() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/sys/kernel/core_pattern"));
            return lines.isEmpty() ? "core" : lines.get(0).strip();
        } catch (IOException e) {
            return "core";
        }
    }
}
