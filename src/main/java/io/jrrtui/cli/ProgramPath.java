package io.jrrtui.cli;

import io.jrrtui.util.JrrException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a program the way a shell does: a path if it has a slash, else along $PATH. */
final class ProgramPath {
    private ProgramPath() {}

    static Path resolve(String name) {
        Path p = find(name);
        refuse32Bit(p, name);
        return p;
    }

    /**
     * The recorder follows x86-64 registers and syscalls only; a 32-bit ELF (i386 or x32 ABI
     * ELFCLASS32) would otherwise fail later with a confusing initial-stack error.
     */
    private static void refuse32Bit(Path p, String name) {
        byte[] ident = new byte[5];
        try (var in = Files.newInputStream(p)) {
            if (in.readNBytes(ident, 0, 5) < 5) return;
        } catch (java.io.IOException e) {
            return; // unreadable: exec reports it
        }
        if (ident[0] == 0x7f && ident[1] == 'E' && ident[2] == 'L' && ident[3] == 'F' && ident[4] == 1) {
            throw new JrrException(name + ": a 32-bit program; jrrtui records 64-bit x86-64 programs only");
        }
    }

    private static Path find(String name) {
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
