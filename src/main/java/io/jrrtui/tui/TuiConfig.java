package io.jrrtui.tui;

import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The user's settings file, {@code $XDG_CONFIG_HOME/jrrtui/config.properties} ({@code theme=...}, {@code keymap=...}). */
record TuiConfig(String theme, String keymap) {
    static Path configDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("jrrtui");
    }

    static TuiConfig load() {
        return load(configDir().resolve("config.properties"));
    }

    /** The settings in file, or none when it does not exist. */
    static TuiConfig load(Path file) {
        if (!Files.isRegularFile(file)) return new TuiConfig(null, null);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new JrrException("cannot read " + file + ": " + e.getMessage());
        }
        return new TuiConfig(blankToNull(p.getProperty("theme")), blankToNull(p.getProperty("keymap")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
