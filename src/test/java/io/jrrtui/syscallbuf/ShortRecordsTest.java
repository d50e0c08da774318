package io.jrrtui.syscallbuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Short records (sbuf6): what the replayer shortens, and that expanding gives the plain record back. */
class ShortRecordsTest {
    private static void plain(ByteBuffer b, int nr, long result, long[] args, byte[] out1, int len2) {
        int size = (56 + out1.length + len2 + 7) & ~7;
        int at = b.position();
        b.putInt(size).putInt(nr).putLong(result);
        for (long a : args) b.putLong(a);
        b.putInt(out1.length).putInt(len2).put(out1);
        b.position(at + size);
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (seed + i);
        return b;
    }

    @Test
    void onlyCallsOfTheShortShapeAreShortenedAndExpandGivesThemBack() {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        plain(b, 228, 0, new long[] {1, 0x7ffe0000L, 0, 0}, bytes(16, 1), 0);   // clock_gettime: short
        plain(b, 0, 512, new long[] {3, 0x1000, 512, 0}, bytes(512, 2), 0);     // read: result not 0
        plain(b, 5, 0, new long[] {3, 0x2000, 0, 0}, bytes(144, 3), 0);         // fstat: short
        plain(b, 96, 0, new long[] {0x3000, 0x4000, 0, 0}, bytes(16, 4), 8);    // gettimeofday with a zone: two outputs
        plain(b, 262, 0, new long[] {3, 0x5000, 0x6000, 0x1000}, bytes(144, 5), 0); // newfstatat: arguments 2, 3
        plain(b, 228, 0, new long[] {1, 0x7ffe0000L, 0, 0}, bytes(12, 6), 0);   // an output not of whole words
        byte[] records = Arrays.copyOf(b.array(), b.position());

        byte[] slot = ShortRecords.shorten(6, records);
        assertEquals(records.length - 2 * 32, slot.length, "two records shortened by 32 bytes each");
        ByteBuffer s = ByteBuffer.wrap(slot).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(40, s.getInt(0));
        assertEquals(228 | ShortRecords.FLAG, s.getInt(4));

        // the recorder's side: every short record expanded, the others copied, gives the records back
        ByteBuffer back = ByteBuffer.allocate(records.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0, at = 0; i < 6; i++) {
            int size = s.getInt(at);
            if ((s.getInt(at + 4) & ShortRecords.FLAG) != 0) ShortRecords.expand(back, slot, at, size);
            else back.put(slot, at, size);
            at += size;
        }
        assertArrayEquals(records, back.array());
    }

    @Test
    void recordsWithNothingToShortenStayTheSameArray() {
        ByteBuffer b = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        plain(b, 0, 64, new long[] {3, 0x1000, 64, 0}, bytes(64, 1), 0);
        byte[] records = Arrays.copyOf(b.array(), b.position());
        assertSame(records, ShortRecords.shorten(1, records));
    }
}
