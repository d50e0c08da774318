package io.jrrtui.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the recordings of a trace store use of the disk: each one's own bytes (its directory, less
 * files hard-linked from elsewhere such as the program copy, plus the stored contents no other
 * recording refers to) and the stored contents it shares with others.
 */
public final class StoreUsage {
    /** One recording's figures: bytes only it costs, and bytes of contents it shares. */
    public record Usage(long own, long shared) {}

    private StoreUsage() {}

    public static Map<Path, Usage> of(TraceStore store) {
        List<Path> traces = store.list();
        FileStore shared = FileStore.sharedIn(store.root());
        Map<Path, Set<String>> refs = new LinkedHashMap<>();
        Map<String, Integer> users = new HashMap<>();
        for (Path t : traces) {
            Set<String> r = FileRefs.sharedOf(t);
            refs.put(t, r);
            for (String h : r) users.merge(h, 1, Integer::sum);
        }
        Map<Path, Usage> out = new LinkedHashMap<>();
        for (Path t : traces) {
            long own = unlinkedBytes(t);
            long sharedBytes = 0;
            for (String h : refs.get(t)) {
                long size = size(shared.path(h));
                if (users.get(h) == 1) own += size;
                else sharedBytes += size;
            }
            out.put(t, new Usage(own, sharedBytes));
        }
        return out;
    }

    /** Bytes of the regular files under dir that have no other hard link. */
    static long unlinkedBytes(Path dir) {
        try (var s = Files.walk(dir)) {
            return s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).mapToLong(f -> {
                try {
                    Object links = Files.getAttribute(f, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
                    return links instanceof Integer n && n > 1 ? 0 : Files.size(f);
                } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                    return size(f);
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }
}
