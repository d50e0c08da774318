package io.jrrtui.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A trace's {@code file-refs}: the hashes of the stored contents it refers to, one per line, each
 * written before the first event that uses it. What {@code rm} keeps, {@code pack} copies in and
 * {@code ls} counts, without decoding any event.
 */
public final class FileRefs {
    public static final String FILE = "file-refs";

    private FileRefs() {}

    /** The hashes a trace refers to (empty for traces older than version 4). Malformed lines are skipped. */
    public static Set<String> of(Path traceDir) {
        Set<String> out = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(traceDir.resolve(FILE), StandardCharsets.US_ASCII)) {
                String s = line.strip();
                if (FileStore.isHash(s)) out.add(s);
            }
        } catch (NoSuchFileException e) {
            // a version 3 trace keeps everything in its data stream
        } catch (IOException e) {
            throw new CorruptTraceException("cannot read " + traceDir.resolve(FILE) + ": " + e.getMessage());
        }
        return out;
    }
}
