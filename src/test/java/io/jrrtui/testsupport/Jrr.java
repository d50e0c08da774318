package io.jrrtui.testsupport;

import io.jrrtui.cli.Console;
import io.jrrtui.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs jrrtui commands in-process for tests, capturing what they print. */
public final class Jrr {
    /** What a command printed and returned. */
    public record Run(int status, byte[] out, byte[] err) {
        public String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }

        public String errText() {
            return new String(err, StandardCharsets.UTF_8);
        }
    }

    private Jrr() {}

    public static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true); PrintStream e = new PrintStream(err, true)) {
            int status = new Main().run(List.of(args), new Console(new ByteArrayInputStream(new byte[0]), o, e));
            return new Run(status, out.toByteArray(), err.toByteArray());
        }
    }

    /**
     * Records test program NAME quietly into trace, its stdout into stdout; fails the test unless
     * the recording ends with status 0.
     */
    public static Path recordQuietly(Path trace, Path stdout, String name, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("record", "-q", "-o", trace.toString(), "--stdout", stdout.toString(),
                "--", binary(name).toString()));
        cmd.addAll(List.of(args));
        Run r = run(cmd.toArray(String[]::new));
        if (r.status() != 0) throw new AssertionError("recording " + name + " failed (" + r.status() + "): " + r.errText());
        return trace;
    }

    /** A built test program (target/test-binaries/NAME). */
    public static Path binary(String name) {
        Path p = Path.of(System.getProperty("jrrtui.testBinaries", "target/test-binaries"), name);
        if (!Files.isExecutable(p)) throw new AssertionError("test program not built: " + p);
        return p;
    }

    /**
     * Builds test-binaries/NAME.cpp with g++ -g -O0 -fno-omit-frame-pointer into bin; the test is
     * skipped where g++ is not installed, and fails when the build does.
     */
    public static Path gxx(String name, Path bin) throws java.io.IOException, InterruptedException {
        Path src = Path.of(System.getProperty("jrrtui.projectDir", "."), "test-binaries", name + ".cpp");
        Process p;
        try {
            p = new ProcessBuilder("g++", "-g", "-O0", "-fno-omit-frame-pointer", "-o", bin.toString(), src.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("g++ is not installed: " + e.getMessage());
            return bin;
        }
        String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new AssertionError("g++ failed on " + src + ": " + msg);
        return bin;
    }

    /** The source of a test program (test-binaries/NAME.c). */
    public static Path source(String name) {
        return Path.of(System.getProperty("jrrtui.projectDir", "."), "test-binaries", name + ".c");
    }
}
