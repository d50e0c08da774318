package io.jrrtui.demangle;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs an external oracle tool (c++filt, nm, gdb, g++...) in tests only. */
public final class OracleTool {
    private OracleTool() {
    }

    /** True when {@code tool} is on the PATH. */
    public static boolean exists(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code cmd} with {@code stdin} as input; returns stdout, fails on a non-zero exit. */
    public static String run(List<String> cmd, String stdin) throws IOException, InterruptedException {
        return run(cmd, stdin, true);
    }

    /** Like {@link #run(List, String)}; with {@code checkStatus} false a non-zero exit is accepted. */
    public static String run(List<String> cmd, String stdin, boolean checkStatus)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = out.join();
        int rc = p.waitFor();
        if (rc != 0 && checkStatus) {
            throw new IOException(cmd + " exited with " + rc);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
