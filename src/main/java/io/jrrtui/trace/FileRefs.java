package io.jrrtui.trace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

    /**
     * The hashes a trace needs from its trace store's shared store: those it refers to less those it
     * has its own independent copy of (an imported trace). A packed trace's own copies are hard links
     * to the shared files, so it still counts as using them (removing it frees them).
     */
    public static Set<String> sharedOf(Path traceDir) {
        Set<String> out = of(traceDir);
        FileStore own = FileStore.ownOf(traceDir);
        if (Files.isDirectory(own.dir())) out.removeIf(h -> ownCopy(own.path(h)));
        return out;
    }

    private static boolean ownCopy(Path p) {
        try {
            return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && (Integer) Files.getAttribute(p, "unix:nlink", LinkOption.NOFOLLOW_LINKS) == 1;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false; // when unsure, keep the shared copy
        }
    }

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
