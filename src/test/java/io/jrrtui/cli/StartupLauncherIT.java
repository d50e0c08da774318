package io.jrrtui.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the packaged launcher {@code target/jrrtui} (failsafe, after package): the
 * class-data-sharing archive is used when it matches and silently skipped when it does not, and
 * two recordings at once run their tracees on different CPUs.
 */
class StartupLauncherIT {
    private static final Path TARGET = Path.of(System.getProperty("jrrtui.projectDir", "."), "target").toAbsolutePath();

    @TempDir
    Path tmp;

    /** Exit status, stdout and stderr of a finished process. */
    record Result(int status, String out, String err) {}

    private static Result run(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        return finish(p);
    }

    private static Result finish(Process p) throws IOException, InterruptedException {
        var err = new java.io.ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try {
                p.getErrorStream().transferTo(err);
            } catch (IOException e) {
                // the process is gone
            }
        });
        drain.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out");
        drain.join();
        return new Result(p.exitValue(), out, err.toString());
    }

    /** Commands piped into the REPL run, and the end of input ends it quietly (JLine logged a stack trace there). */
    @Test
    void theReplReadsPipedCommandsAndEndsQuietly() throws Exception {
        String launcher = TARGET.resolve("jrrtui").toString();
        Path trace = tmp.resolve("trace");
        Result rec = run(List.of(launcher, "record", "-q", "-o", trace.toString(), "--", "/bin/true"), Map.of());
        assertEquals(0, rec.status(), rec.err());
        Path commands = tmp.resolve("commands");
        Files.writeString(commands, "info threads\n");
        ProcessBuilder pb = new ProcessBuilder(launcher, "replay", "--repl", trace.toString()).redirectInput(commands.toFile());
        Result repl = finish(pb.start());
        assertEquals(0, repl.status(), repl.err());
        assertTrue(repl.out().contains("(jrr) ") && repl.out().contains("LWP "), repl.out());
        assertEquals("", repl.err(), "nothing on stderr");
    }

    @Test
    void theArchiveIsUsedWhenItMatchesAndSilentlyIgnoredWhenNot() throws Exception {
        assumeTrue(Files.isRegularFile(TARGET.resolve("jrrtui.jsa")), "no CDS archive was built");
        String launcher = TARGET.resolve("jrrtui").toString();
        Result used = run(List.of(launcher, "--version"), Map.of("JRR_JAVA_OPTS", "-Xlog:class+load"));
        assertEquals(0, used.status(), used.err());
        assertTrue(used.out().contains("io.jrrtui.cli.Main source: shared objects file"), "Main not from the archive");

        // A copy elsewhere: the archive names the original jar, so the JVM must refuse it, quietly.
        Path copy = tmp.resolve("install");
        Files.createDirectories(copy);
        for (String f : List.of("jrrtui", "jrrtui.jar", "jrrtui.jsa")) {
            Files.copy(TARGET.resolve(f), copy.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Result moved = run(List.of(copy.resolve("jrrtui").toString(), "--version"), Map.of());
        assertEquals(new Result(0, "jrrtui " + Version.VERSION + "\n", ""), moved);

        // A damaged archive: the same.
        Files.delete(copy.resolve("jrrtui.jsa"));
        Files.write(copy.resolve("jrrtui.jsa"), new byte[4096]);
        Result damaged = run(List.of(copy.resolve("jrrtui").toString(), "--version"), Map.of());
        assertEquals(new Result(0, "jrrtui " + Version.VERSION + "\n", ""), damaged);
    }

    /** zstd-jni's library is mapped from target/native (it would extract a copy into the temp folder on every start). */
    @Test
    void zstdsLibraryIsLoadedFromTheNativeFolder() throws Exception {
        Path lib = TARGET.resolve("native").resolve("libzstd-jni.so");
        assumeTrue(Files.isRegularFile(lib), "mvn package did not unpack zstd-jni's library");
        Path javaTmp = tmp.resolve("java-tmp");
        Files.createDirectories(javaTmp);
        ProcessBuilder pb = new ProcessBuilder(TARGET.resolve("jrrtui").toString(), "record", "-q", "-o", tmp.resolve("trace").toString(),
                "--", "/bin/sh", "-c", "head -c 100000 /dev/zero >/dev/null; sleep 2");
        pb.environment().put("JRR_JAVA_OPTS", "-Djava.io.tmpdir=" + javaTmp);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        Path maps = Path.of("/proc/" + p.pid() + "/maps");
        String mapped = "";
        for (int i = 0; i < 100 && p.isAlive() && !mapped.contains("libzstd-jni"); i++) {
            Thread.sleep(30);
            try {
                mapped = Files.readString(maps);
            } catch (IOException e) {
                break; // ended
            }
        }
        Result rec = finish(p);
        assertEquals(0, rec.status(), rec.err());
        assertTrue(mapped.contains(lib.toRealPath().toString()), "zstd-jni not mapped from " + lib);
        try (var left = Files.list(javaTmp)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().contains("zstd")).toList());
        }
    }

    @Test
    void twoRecordingsAtOnceRunOnDifferentCpus() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one CPU: nothing to spread over");
        // A private claim folder, so sessions of other users of this machine do not take part.
        Path runtime = tmp.resolve("runtime");
        Files.createDirectories(runtime);
        List<Process> running = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ProcessBuilder pb = new ProcessBuilder(TARGET.resolve("jrrtui").toString(), "record", "-q",
                    "-o", tmp.resolve("t" + i).toString(), "--stdout", tmp.resolve("cpus" + i).toString(), "--",
                    "/bin/sh", "-c", "grep Cpus_allowed_list /proc/self/status; sleep 2");
            pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            running.add(pb.start());
        }
        List<String> cpus = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Result r = finish(running.get(i));
            assertEquals(0, r.status(), r.err());
            String line = Files.readString(tmp.resolve("cpus" + i)).trim();
            assertTrue(line.matches("Cpus_allowed_list:\\s+\\d+"), "pinned to one CPU: " + line);
            cpus.add(line);
        }
        assertNotEquals(cpus.get(0), cpus.get(1), "both sessions on one CPU");
    }

    @Test
    void noPinLeavesTheTraceeFloating() throws Exception {
        assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one CPU: nothing to float over");
        Result r = run(List.of(TARGET.resolve("jrrtui").toString(), "record", "-q", "-o", tmp.resolve("t").toString(),
                "--stdout", tmp.resolve("cpus").toString(), "--", "/bin/grep", "Cpus_allowed_list", "/proc/self/status"),
                Map.of("JRR_NO_PIN", "1"));
        assertEquals(0, r.status(), r.err());
        String line = Files.readString(tmp.resolve("cpus")).trim();
        assertTrue(line.matches("Cpus_allowed_list:\\s+\\d+[-,].*"), "not pinned: " + line);
    }
}
