package io.jrrtui.replay;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;

/** Symbol addresses for engine tests, from nm (a test oracle; the product has its own ELF reader). */
final class TestSymbols {
    private TestSymbols() {}

    static long address(Path binary, String symbol) {
        try {
            Process p = new ProcessBuilder("nm", binary.toString()).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length == 3 && f[2].equals(symbol)) return Long.parseLong(f[0], 16);
                }
            }
            throw new AssertionError("no symbol " + symbol + " in " + binary);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
