package io.jrrtui.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.syscallbuf.SyscallBufferLayout;
import io.jrrtui.trace.BufferedCallsEvent;
import io.jrrtui.trace.BufferedReadRefs;
import io.jrrtui.trace.ContentHashes;
import io.jrrtui.trace.ContentHashes.FileIdentity;
import io.jrrtui.testsupport.SettledFiles;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder's side of reads kept by reference, on records laid out as the preload library writes
 * them: a read is a reference only when the file open in the reading process is still the version
 * the read names; a stale version and a read past the file's size keep the bytes from the spill area.
 */
class ReadsByReferenceTest {
    @TempDir
    static Path dir;
    private static Path file;
    private static byte[] bytes;
    /** A process with the file open as its standard input: the recorder finds it as /proc/PID/fd/0. */
    private static Process holder;

    @BeforeAll
    static void settledFileHeldOpen() throws Exception {
        SettledFiles.create(dir, 40_000, "data.bin", "other.bin");
        file = dir.resolve("data.bin");
        bytes = Files.readAllBytes(file);
        holder = new ProcessBuilder("sleep", "60").redirectInput(file.toFile()).start();
    }

    @AfterAll
    static void stop() {
        holder.destroyForcibly();
    }

    private static final int READ = 0, FSTAT = 5, HEADER = BufferedCallsEvent.RECORD_HEADER;

    private static void header(ByteBuffer b, int size, int nr, long result, long fd, int len1) {
        b.putInt(size).putInt(nr).putLong(result).putLong(fd).putLong(0x1000).putLong(4096).putLong(0).putInt(len1).putInt(0);
    }

    private static void fileRead(ByteBuffer b, FileIdentity v, long offset, long result, long spillAt) {
        header(b, HEADER + 72, READ | ReadsByReference.SB_FILEREAD, result, 0, 0);
        b.putLong(v.dev()).putLong(v.ino()).putLong(v.size());
        b.putLong(v.mtimeNanos() / 1_000_000_000L).putLong(v.mtimeNanos() % 1_000_000_000L);
        b.putLong(v.ctimeNanos() / 1_000_000_000L).putLong(v.ctimeNanos() % 1_000_000_000L);
        b.putLong(offset).putInt((int) spillAt).putInt(0);
    }

    @Test
    void provenReadsBecomeReferencesTheRestKeepTheirBytes() throws Exception {
        FileIdentity now = FileIdentity.of(file);
        FileIdentity stale = new FileIdentity(now.dev(), now.ino(), now.size(), now.mtimeNanos(), now.ctimeNanos() - 1);
        int spill = 3 * 4096;
        try (Memory area = new Memory(spill); TraceeMemory self = new TraceeMemory((int) ProcessHandle.current().pid())) {
            // what the three file reads put in the spill area (as if read): distinct, to see where bytes come from
            byte[] spilled = new byte[spill];
            Arrays.fill(spilled, (byte) 0x55);
            area.write(0, spilled, 0, spill);
            long slot = Pointer.nativeValue(area) + spill - SyscallBufferLayout.SPILL_END;
            long spillStart = SyscallBufferLayout.SPILL_END - spill;
            ByteBuffer lib = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
            fileRead(lib, now, 8192, 4096, spillStart); // the version open now: a reference
            fileRead(lib, stale, 0, 4096, spillStart + 4096); // changed since: bytes
            fileRead(lib, now, bytes.length - 100, 4096, spillStart + 8192); // past the size: bytes
            header(lib, HEADER, READ | ReadsByReference.SB_ZEROS, 4096, 7, 0); // /dev/zero
            header(lib, HEADER + 8, FSTAT, 0, 3, 8); // an ordinary record with inline output
            lib.putLong(0x0102030405060708L);
            byte[] records = Arrays.copyOf(lib.array(), lib.position());

            // a first flush reading 16 KB of the 40 KB file: not copied, every read keeps its bytes
            ByteBuffer first = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
            for (int k = 0; k < 4; k++) fileRead(first, now, k * 4096L, 4096, spillStart + (k % 3) * 4096L);
            FileCopies copies = new FileCopies(new ContentHashes(dir.resolve("hashes")));
            BufferedCallsEvent once = new ReadsByReference(copies).event(8, (int) holder.pid(), 4,
                    Arrays.copyOf(first.array(), first.position()), self, slot, spill);
            assertEquals(0, once.contents().size(), "a file read once was copied");
            assertEquals(4 * (HEADER + 4096), once.records().length);
            assertNull(copies.proven(now, (int) holder.pid(), 0, bytes.length - 16384), "copied before anything was read twice");
            ReadsByReference refs = new ReadsByReference(copies); // this flush's reads are the second time
            BufferedCallsEvent e = refs.event(9, (int) holder.pid(), 5, records, self, slot, spill);

            assertEquals(1, e.contents().size(), "one file version stored");
            assertArrayEquals(bytes, e.contents().get(0).data());
            byte[] plain = BufferedReadRefs.expand(9, 5, e.records(), e.contents().stream().map(w -> w.data()).toList());
            ByteBuffer out = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
            assertArrayEquals(Arrays.copyOfRange(bytes, 8192, 8192 + 4096), output(out, READ), "the reference's bytes");
            assertArrayEquals(Arrays.copyOf(spilled, 4096), output(out, READ), "a stale version keeps the bytes read");
            assertArrayEquals(Arrays.copyOf(spilled, 4096), output(out, READ), "a read past the size keeps its bytes");
            // zeros stay a flagged record without bytes: the library fills them in on replay
            assertEquals(HEADER, out.getInt(out.position()));
            assertEquals(READ | BufferedReadRefs.REF, out.getInt(out.position() + 4));
            assertEquals(4096, out.getLong(out.position() + 8));
            assertEquals(0, out.getInt(out.position() + 48), "zeros with bytes");
            out.position(out.position() + HEADER);
            assertArrayEquals(new byte[] {8, 7, 6, 5, 4, 3, 2, 1}, output(out, FSTAT), "an ordinary record");
            assertEquals(plain.length, out.position());
            // two references of 72 bytes, the two reads that keep their bytes, the fstat record
            assertEquals(2 * BufferedReadRefs.REF_RECORD + 2 * (HEADER + 4096) + HEADER + 8, e.records().length,
                    "the event holds the bytes of the reads it cannot refer to only");

            // the file changes (same bytes written again: only its times say so) after a read named the
            // version copied above: that read cannot be proven any more and keeps its bytes
            Files.write(file, bytes);
            ByteBuffer again = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
            fileRead(again, now, 0, 4096, spillStart);
            BufferedCallsEvent later = refs.event(10, (int) holder.pid(), 1, Arrays.copyOf(again.array(), again.position()), self, slot, spill);
            assertEquals(0, later.contents().size(), "a changed file was referred to");
            assertArrayEquals(Arrays.copyOf(spilled, 4096), output(ByteBuffer.wrap(later.records()).order(ByteOrder.LITTLE_ENDIAN), READ));
        }
    }

    @Test
    void aFileNotSettledAtTheRecordingsStartIsNeverCopied() throws Exception {
        Path fresh = dir.resolve("fresh.bin");
        Files.write(fresh, bytes);
        Path settled = dir.resolve("other.bin"); // not data.bin: the other test changes that one
        Process p = new ProcessBuilder("sleep", "60").redirectInput(fresh.toFile()).start();
        Process q = new ProcessBuilder("sleep", "60").redirectInput(settled.toFile()).start();
        try {
            FileCopies copies = new FileCopies(new ContentHashes(dir.resolve("hashes")));
            assertNull(copies.proven(FileIdentity.of(fresh), (int) p.pid(), 0, 2L * bytes.length));
            // and the settled file, open in the same way, is (once more than its size was read)
            assertNull(copies.proven(FileIdentity.of(settled), (int) q.pid(), 0, bytes.length));
            assertArrayEquals(bytes, copies.proven(FileIdentity.of(settled), (int) q.pid(), 0, 4096).data());
        } finally {
            p.destroyForcibly();
            q.destroyForcibly();
        }
    }

    /** The next plain record's call number must be nr; returns its first output. */
    private static byte[] output(ByteBuffer b, int nr) {
        int at = b.position(), size = b.getInt();
        assertEquals(nr, b.getInt());
        b.position(at + 48);
        byte[] o = new byte[b.getInt()];
        b.getInt();
        b.get(o);
        b.position(at + size);
        return o;
    }
}
