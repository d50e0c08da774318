package io.jrrtui.trace;

import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The SHA-256 of each program copy a trace keeps ({@code exe}, {@code exe-N}), in a file beside it
 * ({@code exe.sha256}). A copy is a hard link where possible, so a program rewritten in place after
 * the recording (copied over, not rebuilt to a new file) changes the trace's copy too; replaying it
 * would run another program. Replay checks the digest first and says so. Traces made before the
 * digest existed have none and are not checked.
 */
public final class ProgramDigest {
    static final String SUFFIX = ".sha256";

    private ProgramDigest() {}

    /** Records the digest of the program copy at copy: known (in hex) when not null, else computed. */
    public static void write(Path copy, String known) throws IOException {
        String digest = known != null ? known : ContentHashes.standard().sha256(copy);
        Files.writeString(copy.resolveSibling(copy.getFileName() + SUFFIX), digest + "\n", StandardCharsets.US_ASCII);
    }

    /**
     * Checks the program copy at copy against its recorded digest, when there is one; throws a
     * one-line explanation if it differs or cannot be read.
     */
    public static void check(Path copy) {
        Path digestFile = copy.resolveSibling(copy.getFileName() + SUFFIX);
        if (!Files.isRegularFile(digestFile)) return;
        try {
            String recorded = Files.readString(digestFile, StandardCharsets.US_ASCII).strip();
            if (!recorded.equals(ContentHashes.standard().sha256(copy))) {
                throw new CorruptTraceException("the trace's copy of the program (" + copy + ") is not the file recorded: it was changed"
                        + " after the recording (a program copied over in place changes a hard-linked copy too)");
            }
        } catch (IOException e) {
            throw new JrrException("cannot read the trace's copy of the program (" + copy + "): " + e.getMessage(), e);
        }
    }
}
