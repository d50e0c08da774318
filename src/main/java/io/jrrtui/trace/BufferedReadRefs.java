package io.jrrtui.trace;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Buffered reads kept in a trace by reference (issue 13, sbuf3): a record whose call number carries
 * {@link #REF} has no bytes; after its fixed part come the index of a content of its event (or
 * {@link #ZEROS}: a read of /dev/zero) and the offset the read started at, and the read's result
 * bytes are that content's bytes from there. {@link #expand} turns such records back into the
 * plain records the preload library replays from, so nothing after the trace reader sees them —
 * except reads of /dev/zero: those stay flagged records without bytes (the flag is the library's
 * SB_ZEROS), and the library fills the zeros itself on replay.
 */
public final class BufferedReadRefs {
    /** Flag in a record's call number: the output is by reference. */
    public static final int REF = 0x40000000;
    /** Content index of a read of /dev/zero: result bytes of zeros. */
    public static final int ZEROS = -1;
    /** Size of a reference record: the fixed part, content index, padding, offset. */
    public static final int REF_RECORD = BufferedCallsEvent.RECORD_HEADER + 16;

    private BufferedReadRefs() {}

    /** Appends a reference record for a read of result bytes of content (or ZEROS) at offset. */
    public static void putRef(ByteBuffer out, int nr, long result, long[] args, int content, long offset) {
        out.putInt(REF_RECORD).putInt(nr | REF).putLong(result);
        for (long a : args) out.putLong(a);
        out.putInt(0).putInt(0).putInt(content).putInt(0).putLong(offset);
    }

    /** Bits of {@link #shapes}: a reference record, a short record. */
    static final int HAS_REFS = 1, HAS_SHORT = 2;

    /** Which kinds of record count records hold ({@link #HAS_REFS}, {@link #HAS_SHORT}); one pass. */
    static int shapes(int count, byte[] records) {
        ByteBuffer in = ByteBuffer.wrap(records).order(ByteOrder.LITTLE_ENDIAN);
        int found = 0;
        for (int i = 0, at = 0; i < count && at <= records.length - 8; i++) {
            int size = in.getInt(at), nr = in.getInt(at + 4);
            if ((nr & REF) != 0) found |= HAS_REFS;
            if ((nr & BufferedCallsEvent.SHORT) != 0) found |= HAS_SHORT;
            if (size < BufferedCallsEvent.SHORT_HEADER + 8) break; // damaged: the readers say so
            at += size;
        }
        return found;
    }

    /** The plain records of count records, reference records filled in from contents. */
    public static byte[] expand(long event, int count, byte[] records, List<byte[]> contents) {
        ByteBuffer in = ByteBuffer.wrap(records).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(expandedSize(event, count, in)).order(ByteOrder.LITTLE_ENDIAN);
        in.position(0);
        for (int i = 0; i < count; i++) {
            int at = in.position(), size = in.getInt(), nr = in.getInt();
            if ((nr & REF) == 0) {
                out.put(records, at, size);
                in.position(at + size);
                continue;
            }
            long result = in.getLong();
            int content = in.getInt(at + BufferedCallsEvent.RECORD_HEADER);
            long offset = in.getLong(at + BufferedCallsEvent.RECORD_HEADER + 8);
            int recordAt = out.position(), len = (int) result;
            boolean zeros = content == ZEROS;
            out.putInt(zeros ? BufferedCallsEvent.RECORD_HEADER : padded(len)).putInt(zeros ? nr : nr & ~REF).putLong(result);
            for (int k = 0; k < 4; k++) out.putLong(in.getLong());
            out.putInt(zeros ? 0 : len).putInt(0);
            in.position(at + size);
            if (!zeros) {
                byte[] c = content >= 0 && content < contents.size() ? contents.get(content) : null;
                if (c == null || offset < 0 || offset + len > c.length) {
                    throw new CorruptTraceException("event " + event + " reads " + len + " bytes at " + offset
                            + " of stored content " + content + " that does not hold them");
                }
                out.put(c, (int) offset, len);
                out.position(recordAt + padded(len));
            }
        }
        // expandedSize is exact: the array is the records, not copied again (a flush of file reads
        // is ~500 KB, two arrays of it per flush were most of a replay's allocation)
        return out.position() == out.capacity() ? out.array() : Arrays.copyOf(out.array(), out.position());
    }

    private static int expandedSize(long event, int count, ByteBuffer in) {
        long total = 0;
        for (int i = 0; i < count; i++) {
            if (in.remaining() < 8) throw cut(event);
            int at = in.position(), size = in.getInt(), nr = in.getInt();
            if ((nr & BufferedCallsEvent.SHORT) != 0) { // kept as it is
                if (!BufferedCallsEvent.shortRecordSize(size) || at + (long) size > in.limit() || (nr & REF) != 0) throw cut(event);
                total += size;
                in.position(at + size);
                continue;
            }
            if (in.remaining() < BufferedCallsEvent.RECORD_HEADER - 8) throw cut(event);
            long result = in.getLong();
            boolean ref = (nr & REF) != 0;
            if (size < BufferedCallsEvent.RECORD_HEADER || at + (long) size > in.limit() || ref && (size != REF_RECORD
                    || result <= 0 || result > Integer.MAX_VALUE / 2)) {
                throw cut(event);
            }
            boolean zeros = ref && in.getInt(at + BufferedCallsEvent.RECORD_HEADER) == ZEROS;
            total += zeros ? BufferedCallsEvent.RECORD_HEADER : ref ? padded((int) result) : size;
            in.position(at + size);
        }
        if (total > Integer.MAX_VALUE / 2) throw cut(event);
        return (int) total;
    }

    private static CorruptTraceException cut(long event) {
        return new CorruptTraceException("buffered calls of event " + event + " are damaged");
    }

    private static int padded(int outputBytes) {
        return (BufferedCallsEvent.RECORD_HEADER + outputBytes + 7) & ~7;
    }
}
