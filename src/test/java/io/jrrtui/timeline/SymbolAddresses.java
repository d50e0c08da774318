package io.jrrtui.timeline;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;

/** Symbol values and sizes for engine tests, from nm (a test oracle only). */
final class SymbolAddresses {
    record Sym(long value, long size) {}

    private SymbolAddresses() {}

    static Sym of(Path binary, String symbol) {
        try {
            Process p = new ProcessBuilder("nm", "-S", binary.toString()).redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length == 4 && f[3].equals(symbol)) return new Sym(Long.parseLong(f[0], 16), Long.parseLong(f[1], 16));
                }
            }
            throw new AssertionError("no symbol " + symbol + " in " + binary);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
