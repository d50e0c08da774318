package io.jrrtui.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** gdb as a test oracle: whether it is installed (tests that drive it are skipped with a reason otherwise). */
public final class GdbOracle {
    private GdbOracle() {}

    public static boolean present() {
        try {
            return new ProcessBuilder("gdb", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs gdb with these arguments (output and errors together); fails the test when it does not finish in 2 minutes. */
    public static String run(List<String> args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) p.destroyForcibly();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, "gdb did not finish:\n" + out);
        return out;
    }
}
