package io.jrrtui.portable;

import io.jrrtui.trace.FileStore;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code jrrtui pack}: makes a trace self-contained by bringing in what its {@link PackPlan} lists.
 * Stored contents are hard-linked from the trace store's shared store (no extra space; a copy on
 * another file system); libraries, debug files and sources are copied with their modification
 * time, which replay compares with the recording's to trust a library copy.
 */
public final class Packer {
    private Packer() {}

    /** Brings the planned files in; returns what was added. Files already there are left alone. */
    public static List<PackPlan.Entry> pack(TraceReader trace) {
        List<PackPlan.Entry> entries = PackPlan.of(trace).entries();
        Path dir = trace.dir();
        for (PackPlan.Entry e : entries) {
            Path target = dir.resolve(e.name()).normalize();
            if (!target.startsWith(dir)) continue; // PackPlan names stay inside; never write elsewhere
            try {
                if (e.kind() == PackPlan.Kind.CONTENTS) {
                    String hex = target.getParent().getFileName().toString() + target.getFileName();
                    FileStore.ownOf(dir).adopt(hex, e.source());
                } else {
                    Files.createDirectories(target.getParent());
                    Path tmp = Files.createTempFile(target.getParent(), ".tmp-", "");
                    try {
                        Files.copy(e.source(), tmp, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                    } finally {
                        Files.deleteIfExists(tmp);
                    }
                }
            } catch (IOException ex) {
                throw new JrrException("cannot pack " + e.source() + " into " + dir + ": " + ex.getMessage(), ex);
            }
        }
        return entries;
    }
}
