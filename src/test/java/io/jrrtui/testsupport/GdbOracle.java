package io.jrrtui.testsupport;

import java.io.IOException;

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
}
