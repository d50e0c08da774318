package io.jrrtui.elf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Locates the compiled test programs and runs oracle tools (gdb, readelf) for tests. */
public final class TestBinaries {
    private TestBinaries() {}

    public static Path dir() {
        String d = System.getProperty("jrrtui.testBinaries", "target/test-binaries");
        return Path.of(d);
    }

    public static Path binary(String name) {
        Path p = dir().resolve(name);
        assumeTrue(Files.isRegularFile(p), "test binary " + p + " not built");
        return p;
    }

    /**
     * A fixture compiled here with extra flags (e.g. DWARF 4 variants the Makefile does not build):
     * {@code variant("sym_types", "dwarf4-O2", "-gdwarf-4", "-O2")} builds target/test-binaries/sym_types-dwarf4-O2.
     */
    public static synchronized Path variant(String fixture, String suffix, String... flags) {
        assumeTrue(hasTool("gcc"), "gcc absent");
        Path src = Path.of(System.getProperty("jrrtui.projectDir", "."), "test-binaries", fixture + ".c");
        Path out = dir().resolve(fixture + "-" + suffix);
        try {
            if (!Files.isRegularFile(out) || Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(src)) < 0) {
                List<String> cmd = new ArrayList<>(List.of("gcc", "-g", "-Wall", "-std=gnu11", "-pthread", "-fno-omit-frame-pointer"));
                cmd.addAll(List.of(flags));
                cmd.addAll(List.of("-o", out.toString(), src.toString(), "-lm"));
                String log = run(cmd);
                assumeTrue(Files.isRegularFile(out), "cannot compile " + fixture + " " + List.of(flags) + ": " + log);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    public static boolean hasTool(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) return true;
        }
        return false;
    }

    /** Runs a command, returns its stdout (stderr merged); fails the test on timeout. */
    public static String run(List<String> cmd) {
        try {
            Path out = Files.createTempFile("jrr-oracle", ".txt");
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new AssertionError("timeout running " + cmd);
                }
                return Files.readString(out, StandardCharsets.UTF_8);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs gdb in batch mode on {@code bin} with the given commands. */
    public static String gdb(Path bin, List<String> commands) {
        assumeTrue(hasTool("gdb"), "gdb is not installed: differential test skipped");
        List<String> cmd = new ArrayList<>(List.of("gdb", "-nx", "-batch", "-ex", "set width 0", "-ex", "set height 0",
                "-ex", "set confirm off"));
        for (String c : commands) { cmd.add("-ex"); cmd.add(c); }
        cmd.add(bin.toString());
        return run(cmd);
    }

    /**
     * Runs {@code bin} under gdb to a breakpoint at {@code location}, writes a core file into {@code dir}
     * and returns its path (cached per binary+location within one JVM).
     */
    public static synchronized Path coreAt(Path bin, String location, Path dir) {
        Path core = dir.resolve(bin.getFileName() + "-" + location.replaceAll("[^A-Za-z0-9]", "_") + ".core");
        if (CORES_MADE.contains(core) && Files.isRegularFile(core)) return core;
        try {
            Files.deleteIfExists(core);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        gdb(bin, List.of("break " + location, "run", "gcore " + core, "kill"));
        CORES_MADE.add(core);
        assumeTrue(Files.isRegularFile(core), "gdb could not write a core file (ptrace not permitted?)");
        return core;
    }

    private static final java.util.Set<Path> CORES_MADE = new java.util.HashSet<>();

    /** A scratch folder under target/ (removed by mvn clean) for core files. */
    public static Path sharedTmp() {
        try {
            Path d = dir().toAbsolutePath().getParent().resolve("sym-cores");
            Files.createDirectories(d);
            return d;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
