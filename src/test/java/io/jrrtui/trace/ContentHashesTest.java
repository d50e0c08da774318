package io.jrrtui.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashesTest {
    /** Settling time of these tests: short, so the tests wait a fraction of a second, not two. */
    private static final long SETTLE_NANOS = 200_000_000L;

    @TempDir
    Path tmp;

    private ContentHashes cache() {
        return new ContentHashes(tmp.resolve("cache"), SETTLE_NANOS);
    }

    private long entries() throws IOException {
        Path dir = tmp.resolve("cache");
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    private Path settledFile(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text, StandardCharsets.US_ASCII);
        Thread.sleep(SETTLE_NANOS / 1_000_000 + 50);
        return f;
    }

    private static String plain(Path f) throws IOException {
        return FileStore.hex(FileStore.sha256(Files.readAllBytes(f)));
    }

    @Test
    void aSettledFileIsRememberedAndServedFromTheCache() throws Exception {
        Path f = settledFile("a", "first contents");
        ContentHashes c = cache();
        assertEquals(plain(f), c.sha256(f));
        assertEquals(1, entries());
        // the entry is what answers now: replace it with another (valid) hash and see it come back
        Path entry;
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            entry = s.findFirst().orElseThrow();
        }
        String other = FileStore.hex(FileStore.sha256(new byte[] {1}));
        Files.writeString(entry, "whole " + other + "\n");
        assertEquals(other, c.sha256(f));
    }

    @Test
    void aFileRewrittenInPlaceWithItsOldMtimeIsHashedAgain() throws Exception {
        Path f = settledFile("b", "contents one");
        FileTime mtime = Files.getLastModifiedTime(f);
        ContentHashes c = cache();
        String before = c.sha256(f);
        // same size, same mtime (as cp -p or rsync leave it): only ctime tells
        Files.writeString(f, "contents two", StandardCharsets.US_ASCII);
        Files.setLastModifiedTime(f, mtime);
        String after = c.sha256(f);
        assertEquals(plain(f), after);
        assertFalse(before.equals(after));
    }

    @Test
    void aFreshlyChangedFileIsNotRemembered() throws Exception {
        Path f = tmp.resolve("fresh");
        Files.writeString(f, "just written");
        ContentHashes c = new ContentHashes(tmp.resolve("cache"), 60_000_000_000L);
        assertEquals(plain(f), c.sha256(f));
        assertEquals(0, entries());
    }

    @Test
    void memoryThatDoesNotHoldTheFilesBytesIsHashedAfresh() throws Exception {
        byte[] fileBytes = new byte[40 << 10];
        for (int i = 0; i < fileBytes.length; i++) fileBytes[i] = (byte) (i * 7);
        Path f = tmp.resolve("lib");
        Files.write(f, fileBytes);
        Thread.sleep(SETTLE_NANOS / 1_000_000 + 50);
        ContentHashes c = cache();
        ContentHashes.FileIdentity id = ContentHashes.FileIdentity.of(f);
        assertArrayEquals(FileStore.sha256(fileBytes), c.sha256(id, 4096, fileBytes));
        assertEquals(1, entries());
        assertArrayEquals(FileStore.sha256(fileBytes), c.sha256(id, 4096, fileBytes.clone()));
        // the same range of the same file, but the bytes read differ (memory written since the mmap)
        byte[] changed = fileBytes.clone();
        changed[100] ^= 1;
        assertArrayEquals(FileStore.sha256(changed), c.sha256(id, 4096, changed));
        // another offset is another entry, even with the same bytes
        assertArrayEquals(FileStore.sha256(fileBytes), c.sha256(id, 8192, fileBytes));
        assertEquals(2, entries());
    }

    @Test
    void twoFilesWithTheSameBytesGetTheSameHashAndADamagedEntryIsIgnored() throws Exception {
        Path a = settledFile("x", "same bytes");
        Path b = settledFile("y", "same bytes");
        ContentHashes c = cache();
        assertEquals(c.sha256(a), c.sha256(b));
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            for (Path e : s.toList()) Files.writeString(e, "garbage");
        }
        assertEquals(plain(a), c.sha256(a));
        assertTrue(entries() >= 2);
    }
}
