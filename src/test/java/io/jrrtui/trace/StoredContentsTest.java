package io.jrrtui.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.arch.Registers;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large memory writes go to a content store by hash and read back the same; version 3 traces still read. */
class StoredContentsTest {
    @TempDir
    Path tmp;

    private static TraceInfo info() {
        return new TraceInfo(TraceFormat.VERSION, "/bin/prog", List.of("prog"), List.of(), "/", 0, 1, false, 0, -1, "");
    }

    private static SyscallEvent read(long n, byte[]... buffers) {
        List<MemoryWrite> writes = new java.util.ArrayList<>();
        for (int i = 0; i < buffers.length; i++) writes.add(new MemoryWrite(0x10000L * (i + 1), buffers[i]));
        return new SyscallEvent(n, 100, new Registers(new long[Registers.COUNT]), 0, List.copyOf(writes), 0, new byte[0]);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static List<Event> readAll(Path dir) {
        List<Event> out = new java.util.ArrayList<>();
        try (TraceReader.EventCursor c = TraceReader.open(dir).events()) {
            Event e;
            while ((e = c.next()) != null) out.add(e);
        }
        return out;
    }

    @Test
    void largeWritesAreStoredOnceByHashAndReadBack() throws IOException {
        Path dir = tmp.resolve("t");
        byte[] big = random(TraceWriter.MIN_STORED, 1);
        byte[] small = random(TraceWriter.MIN_STORED - 1, 2);
        try (TraceWriter w = new TraceWriter(dir, info())) {
            w.write(read(1, big, small));
            w.write(read(2, big.clone()));
            w.finish(0, "exit 0");
        }
        String hex = FileStore.hex(FileStore.sha256(big));
        assertEquals(java.util.Set.of(hex), FileRefs.of(dir));
        assertTrue(FileStore.ownOf(dir).has(hex));
        List<Event> events = readAll(dir);
        assertArrayEquals(big, ((SyscallEvent) events.get(0)).writes().get(0).data());
        assertArrayEquals(small, ((SyscallEvent) events.get(0)).writes().get(1).data());
        assertArrayEquals(big, ((SyscallEvent) events.get(1)).writes().get(0).data());

        Files.delete(FileStore.ownOf(dir).path(hex));
        CorruptTraceException e = assertThrows(CorruptTraceException.class, () -> readAll(dir));
        assertTrue(e.getMessage().contains("stored file contents " + hex.substring(0, 16)), e.getMessage());
    }

    @Test
    void aSharedStoreIsUsedAndDamageIsReported() throws IOException {
        Path store = tmp.resolve("store");
        Path dir = store.resolve("prog-0");
        byte[] big = random(100_000, 3);
        try (TraceWriter w = new TraceWriter(dir, info(), FileStore.sharedIn(store))) {
            w.write(read(1, big));
            w.finish(0, "exit 0");
        }
        FileStore shared = FileStore.sharedIn(store);
        String hex = FileStore.hex(FileStore.sha256(big));
        assertTrue(shared.has(hex));
        assertTrue(Files.notExists(dir.resolve(FileStore.OWN)));
        assertArrayEquals(big, ((SyscallEvent) readAll(dir).get(0)).writes().get(0).data());
        assertNull(FileStore.ownOf(dir).get(hex, big.length));

        byte[] stored = Files.readAllBytes(shared.path(hex));
        stored[stored.length / 2] ^= 0x40;
        Files.write(shared.path(hex), stored);
        assertThrows(CorruptTraceException.class, () -> readAll(dir));
    }

    @Test
    void aVersion3TraceStillReads() throws IOException {
        Path dir = tmp.resolve("v3");
        byte[] small = random(1000, 4);
        try (TraceWriter w = new TraceWriter(dir, info())) {
            w.write(read(1, small));
            w.write(read(2, small));
            w.finish(0, "exit 0");
        }
        // what a version-3 writer left: the same streams and index with version 3, no file-refs
        for (String f : List.of(TraceFormat.EVENTS, TraceFormat.DATA, TraceFormat.MAPPINGS, TraceFormat.INDEX)) {
            try (RandomAccessFile raf = new RandomAccessFile(dir.resolve(f).toFile(), "rw")) {
                raf.seek(8);
                raf.writeInt(3);
            }
        }
        Path header = dir.resolve(TraceFormat.HEADER);
        Files.writeString(header, Files.readString(header).replace("format.version=" + TraceFormat.VERSION, "format.version=3"));
        Files.delete(dir.resolve(FileRefs.FILE));
        TraceReader r = TraceReader.open(dir);
        assertEquals(3, r.info().version());
        List<Event> events = readAll(dir);
        assertEquals(2, events.size());
        assertArrayEquals(small, ((SyscallEvent) events.get(1)).writes().get(0).data());
        try (TraceReader.EventCursor c = r.eventsAfter(1)) {
            assertEquals(2, c.next().number());
        }
    }
}
