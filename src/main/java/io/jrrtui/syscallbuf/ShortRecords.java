package io.jrrtui.syscallbuf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Short records of the preload library's buffer (issue 13, sbuf6; struct sb_short in
 * native-shim/jrr-syscallbuf.c): a call that returned 0, whose last two arguments are 0 and whose
 * one output is a multiple of 8 bytes (a clock read, an fstat) is kept in the slot as size, call
 * number with {@link #FLAG}, two arguments and the output bytes: 40 bytes for a clock read instead
 * of 72, so a slot holds more calls between flushes. They exist only in the slot: the recorder
 * {@link #expand}s them into plain records for the trace, and the replayer {@link #shorten}s every
 * plain record of that shape again before the thread runs (the library replays either form), so a
 * replayed flush takes no more room than the recorded one did.
 */
public final class ShortRecords {
    /** Flag in the call number (the library's SB_SHORT). */
    public static final int FLAG = 0x10000000;
    /** size, number, two arguments. */
    public static final int HEADER = 24;
    /** A plain record's fixed part (BufferedCallsEvent.RECORD_HEADER): size, nr, result, four arguments, two lengths. */
    private static final int PLAIN = 56;

    private ShortRecords() {}

    /** Whether a short record of size bytes is well formed (at least one output word, whole words). */
    public static boolean wellFormed(int size) {
        return size > HEADER && ((size - HEADER) & 7) == 0;
    }

    /** The plain record's size for a short one of size bytes. */
    public static int expandedSize(int size) {
        return size + PLAIN - HEADER;
    }

    /** Appends the plain record of the (well-formed) short record at lib[at, at + size). */
    public static void expand(ByteBuffer out, byte[] lib, int at, int size) {
        ByteBuffer in = ByteBuffer.wrap(lib, at, size).order(ByteOrder.LITTLE_ENDIAN);
        in.getInt();
        int nr = in.getInt() & ~FLAG;
        long a0 = in.getLong(), a1 = in.getLong();
        int len = size - HEADER;
        out.putInt(PLAIN + len).putInt(nr).putLong(0).putLong(a0).putLong(a1).putLong(0).putLong(0).putInt(len).putInt(0);
        out.put(lib, at + HEADER, len);
    }

    /**
     * count plain records with every one of the short shape shortened (the same array when none
     * is): what the replayer puts in the slot.
     */
    public static byte[] shorten(int count, byte[] records) {
        ByteBuffer in = ByteBuffer.wrap(records).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = null;
        int copied = 0; // records[0, copied) are in out already (or stand unchanged when out is null)
        for (int i = 0, at = 0; i < count && at <= records.length - PLAIN; i++) {
            int size = in.getInt(at), nr = in.getInt(at + 4);
            if (size < PLAIN || size > records.length - at) break; // damaged: the library's check reports it
            int len1 = in.getInt(at + 48);
            boolean fits = nr >= 0 && (nr & 0x70000000) == 0 && in.getLong(at + 8) == 0 && in.getLong(at + 32) == 0
                    && in.getLong(at + 40) == 0 && in.getInt(at + 52) == 0 && len1 > 0 && (len1 & 7) == 0 && size == PLAIN + len1;
            if (fits) {
                if (out == null) out = ByteBuffer.allocate(records.length).order(ByteOrder.LITTLE_ENDIAN);
                out.put(records, copied, at - copied);
                out.putInt(HEADER + len1).putInt(nr | FLAG).putLong(in.getLong(at + 16)).putLong(in.getLong(at + 24));
                out.put(records, at + PLAIN, len1);
                copied = at + size;
            }
            at += size;
        }
        if (out == null) return records;
        out.put(records, copied, records.length - copied);
        return java.util.Arrays.copyOf(out.array(), out.position());
    }
}
