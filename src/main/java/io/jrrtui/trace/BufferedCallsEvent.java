package io.jrrtui.trace;

import io.jrrtui.arch.Syscalls;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Syscalls a thread made through the in-process syscall buffer (issue 13) since its last traced
 * event, flushed as one event just before its next one. {@code records} is the buffer's bytes as
 * the preload library wrote them (layout in src/docs/trace-format.md): replay copies them back into
 * the thread's buffer and the library takes each call's result and output bytes from there.
 */
public record BufferedCallsEvent(long number, int tid, int count, byte[] records, List<MemoryWrite> contents) implements Event {
    /** Size of a record's fixed part: size, nr, result, four arguments, two output lengths. */
    public static final int RECORD_HEADER = 56;
    /**
     * Flag in a record's call number: a short record (issue 13, sbuf6; the library's struct
     * sb_short): size, number, two arguments, then one output of size - {@link #SHORT_HEADER} bytes;
     * the result and the last two arguments are 0. Kept as the library wrote it (event kind 12).
     */
    public static final int SHORT = 0x10000000;
    /** A short record's fixed part: size, number, two arguments. */
    public static final int SHORT_HEADER = 24;

    /** Whether a short record of size bytes is well formed: at least one output word, whole words. */
    public static boolean shortRecordSize(int size) {
        return size > SHORT_HEADER && ((size - SHORT_HEADER) & 7) == 0;
    }

    /**
     * contents: files whose bytes reference records ({@link BufferedReadRefs}) refer to by index,
     * each at least {@link TraceWriter#MIN_STORED} bytes (the writer keeps them in the content store);
     * empty for plain records, and always once read back (the reader expands the references).
     */
    public BufferedCallsEvent {
        contents = List.copyOf(contents);
    }

    public BufferedCallsEvent(long number, int tid, int count, byte[] records) {
        this(number, tid, count, records, List.of());
    }

    /** One buffered call as recorded. */
    public record Call(int nr, long[] args, long result, int outputBytes) {
        public String describe() {
            StringBuilder sb = new StringBuilder(Syscalls.name(nr)).append('(');
            int shown = nr == 0 || nr == 1 || nr == 8 ? 3 : nr == 5 || nr == 228 || nr == 96 ? 2 : 4;
            for (int i = 0; i < shown; i++) {
                if (i > 0) sb.append(", ");
                sb.append(i == 0 && nr != 96 ? Long.toString(args[i]) : "0x" + Long.toHexString(args[i]));
            }
            sb.append(") = ").append(SyscallEvent.formatResult(result));
            if (outputBytes > 0) sb.append(" [").append(outputBytes).append(" bytes]");
            return sb.toString();
        }
    }

    /** The calls, in order; a malformed record ends the list (the replay check reports it). */
    public List<Call> calls() {
        List<Call> out = new ArrayList<>(count);
        ByteBuffer b = ByteBuffer.wrap(records).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count && b.remaining() >= 8; i++) {
            int at = b.position();
            int size = b.getInt();
            int flagged = b.getInt(), nr = flagged & ~BufferedReadRefs.REF;
            if ((flagged & SHORT) != 0) {
                if (!shortRecordSize(size) || at + size > records.length) break;
                out.add(new Call(flagged & ~SHORT, new long[] {b.getLong(), b.getLong(), 0, 0}, 0, size - SHORT_HEADER));
                b.position(at + size);
                continue;
            }
            if (b.remaining() < RECORD_HEADER - 8) break;
            long result = b.getLong();
            long[] args = {b.getLong(), b.getLong(), b.getLong(), b.getLong()};
            int len = b.getInt() + b.getInt() + (flagged != nr ? (int) result : 0);
            if (size < RECORD_HEADER || at + size > records.length) break;
            out.add(new Call(nr, args, result, len));
            b.position(at + size);
        }
        return out;
    }

    @Override
    public String describe() {
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (Call c : calls()) byName.merge(Syscalls.name(c.nr()), 1, Integer::sum);
        StringBuilder sb = new StringBuilder("buffered ").append(count).append(count == 1 ? " call" : " calls");
        String sep = " (";
        for (Map.Entry<String, Integer> e : byName.entrySet()) {
            sb.append(sep).append(e.getKey()).append(" x").append(e.getValue());
            sep = ", ";
        }
        return sb.append(byName.isEmpty() ? "" : ")").append(", ").append(records.length).append(" bytes").toString();
    }
}
