package io.jrrtui.trace;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The most recently used stored contents, up to a total size: a file read by reference is named by
 * every buffered-call event that reads from it, and decompressing it for each would cost more than
 * the reads. Entries are shared; callers must not change them.
 */
final class RecentContents {
    interface Loader {
        byte[] load() throws IOException;
    }

    private final long maxBytes;
    private final Map<String, byte[]> byHash = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    RecentContents(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized byte[] get(byte[] hash, int length, Loader loader) throws IOException {
        String key = FileStore.hex(hash) + "/" + length;
        byte[] b = byHash.get(key);
        if (b != null) return b;
        b = loader.load();
        byHash.put(key, b);
        bytes += b.length;
        for (Iterator<byte[]> it = byHash.values().iterator(); bytes > maxBytes && byHash.size() > 1 && it.hasNext(); ) {
            bytes -= it.next().length;
            it.remove();
        }
        return b;
    }
}
