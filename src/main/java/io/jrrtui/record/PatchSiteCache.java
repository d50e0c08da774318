package io.jrrtui.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * rdtsc patch sites of a range of code, kept on disk between jrrtui processes. Finding them means
 * decoding every instruction of the range (about 1.5 MB for the dynamic loader and libc): some
 * 35-70 ms of CPU in a freshly started JVM, in every {@code record} and every replay. The same
 * libraries come back in nearly every recording, so the answer is stored under the content's
 * checksums and length ({@code $XDG_CACHE_HOME/jrrtui/rdtsc-sites}, else {@code ~/.cache/...}).
 *
 * <p>The sites are a pure function of the bytes, so a cached answer is as good as a computed one
 * as long as the key identifies the bytes: two independent 32-bit checksums plus the length, and
 * every cached site must still hold an rdtsc or rdtscp, else the range is decoded afresh. Any
 * failure to read or write the cache only costs the decoding.
 */
final class PatchSiteCache {
    private static final Path DIR = io.jrrtui.util.CacheFolder.of("rdtsc-sites");

    private PatchSiteCache() {}

    /** The sites of code: from the cache when it has this content, else found by find and stored. */
    static long[] sites(byte[] code, Function<byte[], long[]> find) {
        Path file = DIR.resolve(key(code));
        long[] cached = read(file, code);
        if (cached != null) return cached;
        long[] sites = find.apply(code);
        write(file, sites);
        return sites;
    }

    private static String key(byte[] code) {
        CRC32C c = new CRC32C();
        c.update(code);
        CRC32 d = new CRC32();
        d.update(code);
        return String.format("%08x-%08x-%x", c.getValue(), d.getValue(), code.length);
    }

    /** The cached sites, or null when absent, unreadable, or not rdtsc/rdtscp in code. */
    private static long[] read(Path file, byte[] code) {
        try {
            if (!Files.isRegularFile(file)) return null;
            String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (text.isEmpty()) return new long[0];
            String[] lines = text.split("\n");
            long[] sites = new long[lines.length];
            for (int i = 0; i < lines.length; i++) {
                sites[i] = Long.parseLong(lines[i].trim());
                if (!isTimestampRead(code, sites[i])) return null;
            }
            return sites;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean isTimestampRead(byte[] code, long off) {
        if (off < 0 || off + 1 >= code.length) return false;
        int i = (int) off;
        if (code[i] != 0x0f) return false;
        return code[i + 1] == 0x31 || (code[i + 1] == 0x01 && i + 2 < code.length && code[i + 2] == (byte) 0xf9);
    }

    /** Writes through a temporary file and a rename, so a concurrent reader never sees half a list. */
    private static void write(Path file, long[] sites) {
        StringBuilder s = new StringBuilder();
        for (long site : sites) s.append(site).append('\n');
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "new-", ".tmp");
            try {
                Files.writeString(tmp, s, StandardCharsets.US_ASCII);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // a read-only home or a full disk: the next process decodes again
        }
    }
}
