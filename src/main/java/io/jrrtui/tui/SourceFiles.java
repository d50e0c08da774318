package io.jrrtui.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Source file lines by path, read once; a file that cannot be read is remembered as absent. */
final class SourceFiles {
    private static final long MAX_BYTES = 16 << 20;
    private final Map<String, List<String>> files = new HashMap<>();
    private UnaryOperator<String> locate = UnaryOperator.identity();

    /** Where to read a file the debug information names (the recording's own copy first). */
    void locateWith(UnaryOperator<String> locate) {
        this.locate = locate;
        files.clear();
    }

    /**
     * The file's lines, or null when it cannot be read (the pane then shows disassembly). Kept by
     * where the file was found, so a changed source path (directory, substitute-path) shows it.
     */
    List<String> lines(String file) {
        if (file == null) return null;
        return files.computeIfAbsent(locate.apply(file), SourceFiles::read);
    }

    /**
     * Whether loc has a line in a file that exists where the session's source path finds it (any
     * thread: the session's answer only asks the file system).
     */
    static boolean readable(io.jrrtui.api.SourceLocation loc, UnaryOperator<String> locate) {
        if (loc == null || !loc.hasLine()) return false;
        try {
            return Files.isRegularFile(Path.of(locate.apply(loc.file())));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<String> read(String file) {
        try {
            Path p = Path.of(file);
            if (!Files.isRegularFile(p) || Files.size(p) > MAX_BYTES) return null;
            return List.copyOf(new String(Files.readAllBytes(p), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
