package io.jrrtui.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's files are written and read with zstd-jni directly now; stores written before (through
 * commons-compress's stream) must still read, and older jrrtui versions must read the new files.
 */
class FileStoreFramesTest {
    @TempDir
    Path tmp;

    private static byte[] content(int n) {
        byte[] b = new byte[n];
        Random r = new Random(n);
        for (int i = 0; i < n; i += 2) b[i] = (byte) r.nextInt(16); // compressible, not trivially
        return b;
    }

    @Test
    void aFileWrittenByTheOldStreamReads() throws IOException {
        FileStore store = new FileStore(tmp);
        byte[] data = content(200_000);
        String hex = FileStore.hex(FileStore.sha256(data));
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (ZstdCompressorOutputStream out = new ZstdCompressorOutputStream(z, 1, false, true)) {
            out.write(data);
        }
        Files.createDirectories(store.path(hex).getParent());
        Files.write(store.path(hex), z.toByteArray());
        assertArrayEquals(data, store.get(hex, data.length));
    }

    @Test
    void aNewFileReadsThroughTheOldStream() throws IOException {
        FileStore store = new FileStore(tmp);
        byte[] data = content(70_000);
        String hex = FileStore.hex(FileStore.sha256(data));
        store.put(hex, data);
        try (InputStream in = new ZstdCompressorInputStream(new ByteArrayInputStream(Files.readAllBytes(store.path(hex))))) {
            assertArrayEquals(data, in.readAllBytes());
        }
        assertArrayEquals(data, store.get(hex, data.length));
    }

    @Test
    void wrongLengthsAndDamageAreReported() throws IOException {
        FileStore store = new FileStore(tmp);
        byte[] data = content(50_000);
        String hex = FileStore.hex(FileStore.sha256(data));
        store.put(hex, data);
        CorruptTraceException longer = assertThrows(CorruptTraceException.class, () -> store.get(hex, data.length - 1));
        assertTrue(longer.getMessage().contains("do not have the 49999 bytes"), longer.getMessage());
        CorruptTraceException shorter = assertThrows(CorruptTraceException.class, () -> store.get(hex, data.length + 1));
        assertTrue(shorter.getMessage().contains("do not have the 50001 bytes"), shorter.getMessage());

        byte[] stored = Files.readAllBytes(store.path(hex));
        stored[stored.length - 2] ^= 0x01; // inside the content checksum
        Files.write(store.path(hex), stored);
        CorruptTraceException damaged = assertThrows(CorruptTraceException.class, () -> store.get(hex, data.length));
        assertTrue(damaged.getMessage().contains("are damaged"), damaged.getMessage());
    }
}
