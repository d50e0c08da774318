package io.jrrtui.cli;

import io.jrrtui.util.JrrException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a program the way a shell does: a path if it has a slash, else along $PATH. */
final class ProgramPath {
    private ProgramPath() {}

    static Path resolve(String name) {
        if (name.contains("/")) return check(Path.of(name), name);
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return p.toAbsolutePath();
        }
        throw new JrrException(name + ": program not found in $PATH");
    }

    private static Path check(Path p, String name) {
        if (!Files.exists(p)) throw new JrrException(name + ": no such file");
        if (Files.isDirectory(p)) throw new JrrException(name + ": is a directory");
        if (!Files.isExecutable(p)) throw new JrrException(name + ": not executable");
        return p.toAbsolutePath().normalize();
    }
}
