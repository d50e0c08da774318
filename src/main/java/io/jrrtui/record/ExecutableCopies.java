package io.jrrtui.record;

import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Keeps every executed binary in the trace (hard link, else copy): replay and symbols need the
 * exact file. Symlinks are followed first, so the copy is the program and not a link to it.
 */
final class ExecutableCopies {
    private ExecutableCopies() {}

    static void keep(Path traceDir, String path, String name) {
        Path copy = traceDir.resolve(name);
        if (Files.exists(copy)) return;
        try {
            // the real file: a hard link to a (relative) symlink such as /usr/bin/python3 would dangle
            Path src = Path.of(path).toRealPath();
            try {
                Files.createLink(copy, src);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(src, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
            // a hard link follows the file if it is later rewritten in place (cp over it): the
            // digest lets replay say so instead of running another program
            io.jrrtui.trace.ProgramDigest.write(copy);
        } catch (IOException e) {
            throw new JrrException("cannot keep a copy of " + path + " in the trace: " + e.getMessage(), e);
        }
    }
}
