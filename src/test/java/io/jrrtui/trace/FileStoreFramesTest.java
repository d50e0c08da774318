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

    private static byte[] oldCompress(byte[] data) throws IOException {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (ZstdCompressorOutputStream out = new ZstdCompressorOutputStream(z, 1, false, true)) {
            out.write(data);
        }
        return z.toByteArray();
    }

    private static byte[] oldDecompress(byte[] z) throws IOException {
        try (InputStream in = new ZstdCompressorInputStream(new ByteArrayInputStream(z))) {
            return in.readAllBytes();
        }
    }

    @Test
    void oldAndNewFramesAreInterchangeable() throws IOException {
        FileStore store = new FileStore(tmp);
        byte[] old = content(200_000);
        String oldHex = FileStore.hex(FileStore.sha256(old));
        Files.createDirectories(store.path(oldHex).getParent());
        Files.write(store.path(oldHex), oldCompress(old));
        assertArrayEquals(old, store.get(oldHex, old.length), "a store written before reads");

        byte[] fresh = content(70_000);
        String freshHex = FileStore.hex(FileStore.sha256(fresh));
        store.put(freshHex, fresh);
        assertArrayEquals(fresh, oldDecompress(Files.readAllBytes(store.path(freshHex))), "an older jrrtui reads the new file");
        assertArrayEquals(fresh, store.get(freshHex, fresh.length));

        // a damaged trace claiming a huge length is refused, not answered with an allocation of it
        for (String hex : new String[] {oldHex, freshHex}) {
            CorruptTraceException e = assertThrows(CorruptTraceException.class, () -> store.get(hex, Integer.MAX_VALUE - 8));
            assertTrue(e.getMessage().contains("do not have the"), e.getMessage());
        }
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

        Files.write(store.path(hex), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        CorruptTraceException notZstd = assertThrows(CorruptTraceException.class, () -> store.get(hex, data.length));
        assertTrue(notZstd.getMessage().contains("are damaged"), notZstd.getMessage());
    }
}
