package io.jrrtui.util;

import java.nio.file.Path;

/**
 * Where jrrtui keeps what it can recompute (rdtsc patch sites, content hashes):
 * {@code $XDG_CACHE_HOME/jrrtui/NAME}, else {@code ~/.cache/jrrtui/NAME}. Deleting it is always safe.
 */
public final class CacheFolder {
    private CacheFolder() {}

    public static Path of(String name) {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("jrrtui").resolve(name);
    }
}
