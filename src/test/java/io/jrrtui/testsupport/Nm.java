package io.jrrtui.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;

/** Symbol values and sizes of a test program, from nm (a test oracle only: the product has its own ELF reader). */
public final class Nm {
    /** A symbol's (unbiased) value and size. */
    public record Sym(long value, long size) {}

    private Nm() {}

    public static Sym symbol(Path binary, String name) {
        try {
            Process p = new ProcessBuilder("nm", "-S", binary.toString()).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length == 4 && f[3].equals(name)) return new Sym(Long.parseLong(f[0], 16), Long.parseLong(f[1], 16));
                }
            }
            throw new AssertionError("no symbol " + name + " in " + binary);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public static long address(Path binary, String name) {
        return symbol(binary, name).value();
    }
}
