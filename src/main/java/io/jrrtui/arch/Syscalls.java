package io.jrrtui.arch;

import io.jrrtui.util.Words;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** x86-64 Linux syscall numbers and names (resource syscalls-x86_64.txt). */
public final class Syscalls {
    private static final String[] NAMES = new String[512];
    private static final Map<String, Integer> NUMBERS = new HashMap<>();

    static {
        try (InputStream in = Syscalls.class.getResourceAsStream("syscalls-x86_64.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] parts = Words.split(line);
                int nr = Integer.parseInt(parts[0]);
                NAMES[nr] = parts[1];
                NUMBERS.put(parts[1], nr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Syscalls() {}

    /** The name, or "syscall_N" for a number Linux does not define. */
    public static String name(long nr) {
        if (nr >= 0 && nr < NAMES.length && NAMES[(int) nr] != null) return NAMES[(int) nr];
        return "syscall_" + nr;
    }

    public static boolean known(long nr) {
        return nr >= 0 && nr < NAMES.length && NAMES[(int) nr] != null;
    }

    /** The number of a named syscall, or -1. */
    public static int number(String name) {
        return NUMBERS.getOrDefault(name, -1);
    }
}
