package io.jrrtui.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Short records (sbuf6) in a buffered-calls event: the kind written, the calls read back, references beside them. */
class BufferedShortRecordsTest {
    private static void shortRecord(ByteBuffer b, int nr, long a0, long a1, int outBytes) {
        b.putInt(BufferedCallsEvent.SHORT_HEADER + outBytes).putInt(nr | BufferedCallsEvent.SHORT).putLong(a0).putLong(a1);
        b.put(new byte[outBytes]);
    }

    private static void plainRead(ByteBuffer b, long fd, byte[] out) {
        b.putInt(BufferedCallsEvent.RECORD_HEADER + out.length).putInt(0).putLong(out.length);
        b.putLong(fd).putLong(0x1000).putLong(out.length).putLong(0).putInt(out.length).putInt(0).put(out);
    }

    private static byte[] records(ByteBuffer b) {
        return Arrays.copyOf(b.array(), b.position());
    }

    @Test
    void shortRecordsAreCallsWithResultZeroAndTheirOutput() {
        ByteBuffer b = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        shortRecord(b, 228, 1, 0x7ffe0000L, 16); // clock_gettime(CLOCK_MONOTONIC, ts)
        plainRead(b, 3, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        shortRecord(b, 5, 3, 0x2000, 144); // fstat(3, st)
        BufferedCallsEvent e = new BufferedCallsEvent(9, 100, 3, records(b));
        List<BufferedCallsEvent.Call> calls = e.calls();
        assertEquals(3, calls.size());
        assertEquals(228, calls.get(0).nr());
        assertArrayEquals(new long[] {1, 0x7ffe0000L, 0, 0}, calls.get(0).args());
        assertEquals(0, calls.get(0).result());
        assertEquals(16, calls.get(0).outputBytes());
        assertEquals(0, calls.get(1).nr());
        assertEquals(8, calls.get(1).result());
        assertEquals(5, calls.get(2).nr());
        assertEquals(144, calls.get(2).outputBytes());
        assertEquals(BufferedCallsCodec.KIND_SHORT, BufferedCallsCodec.kind(e));
        assertEquals(BufferedCallsCodec.KIND, BufferedCallsCodec.kind(new BufferedCallsEvent(9, 100, 1, Arrays.copyOfRange(records(b), 40, 40 + 64))));
    }

    @Test
    void readingKeepsShortRecordsAndFillsInReferencesBesideThem() {
        ByteBuffer b = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
        shortRecord(b, 228, 1, 0x7ffe0000L, 16);
        BufferedReadRefs.putRef(b, 0, 4096, new long[] {7, 0x3000, 4096, 0}, BufferedReadRefs.ZEROS, 0); // a read of /dev/zero
        shortRecord(b, 228, 1, 0x7ffe0000L, 16);
        byte[] recs = records(b);
        assertEquals(BufferedReadRefs.HAS_REFS | BufferedReadRefs.HAS_SHORT, BufferedReadRefs.shapes(3, recs));
        byte[] read = BufferedReadRefs.expand(9, 3, recs, List.of());
        ByteBuffer r = ByteBuffer.wrap(read).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(Arrays.copyOf(recs, 40), Arrays.copyOf(read, 40), "the first short record as it was");
        assertEquals(BufferedCallsEvent.RECORD_HEADER, r.getInt(40), "the read of zeros: a flagged record without bytes");
        assertArrayEquals(Arrays.copyOfRange(recs, recs.length - 40, recs.length), Arrays.copyOfRange(read, read.length - 40, read.length));
        List<BufferedCallsEvent.Call> calls = new BufferedCallsEvent(9, 100, 3, read).calls();
        assertEquals(List.of(228, 0, 228), calls.stream().map(BufferedCallsEvent.Call::nr).toList());
    }

    @Test
    void aShortRecordOfNoWholeWordIsDamage() {
        ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
        BufferedReadRefs.putRef(b, 0, 4096, new long[] {7, 0x3000, 4096, 0}, BufferedReadRefs.ZEROS, 0);
        b.putInt(BufferedCallsEvent.SHORT_HEADER + 12).putInt(228 | BufferedCallsEvent.SHORT).putLong(1).putLong(2).put(new byte[12]);
        assertThrows(CorruptTraceException.class, () -> BufferedReadRefs.expand(9, 2, records(b), List.of()));
    }
}
