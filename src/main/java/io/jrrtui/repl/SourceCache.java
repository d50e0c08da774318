package io.jrrtui.repl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Source files' lines, read once per file (stop reports show one line per stop, so re-reading would
 * cost a file read per step). A file that cannot be read is remembered as missing. Files are read
 * where the session says ({@link io.jrrtui.api.DebugSession#sourcePath}: a recording's own copy).
 */
public final class SourceCache {
    /** Larger files are not sources worth showing (and would fill the heap). */
    private static final long MAX_BYTES = 64L << 20;

    private final Map<String, List<String>> files = new HashMap<>();
    private final UnaryOperator<String> locate;

    public SourceCache() {
        this(UnaryOperator.identity());
    }

    public SourceCache(UnaryOperator<String> locate) {
        this.locate = locate;
    }

    /** The line (1-based) without its newline, or null when the file or line is not there. */
    public synchronized String line(String file, int line) {
        if (file == null || line <= 0) return null;
        // kept by where the file was found: a changed source path (directory, substitute-path) reads it anew
        List<String> lines = files.computeIfAbsent(locate.apply(file), SourceCache::read);
        return line <= lines.size() ? lines.get(line - 1) : null;
    }

    /** Whether the file could be read. */
    public synchronized boolean exists(String file) {
        return file != null && !files.computeIfAbsent(locate.apply(file), SourceCache::read).isEmpty();
    }

    private static List<String> read(String file) {
        try {
            Path p = Path.of(file);
            if (!Files.isRegularFile(p) || Files.size(p) > MAX_BYTES) return List.of();
            byte[] bytes = Files.readAllBytes(p);
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                text = new String(bytes, StandardCharsets.ISO_8859_1); // never fails on arbitrary bytes
            }
            return text.lines().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
