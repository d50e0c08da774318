package io.jrrtui.unwind;

import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Bounds-checked little-endian reader over a CFI section. Every read past the end becomes a one-line
 * {@link JrrException} naming the section and offset, never an IndexOutOfBounds.
 */
final class CfiCursor {
    private final ByteBuffer buf;
    private final String section;
    private int pos;
    private int limit;

    CfiCursor(ByteBuffer bytes, String section) {
        this.buf = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.section = section;
        this.limit = buf.limit();
    }

    int position() {
        return pos;
    }

    void seek(long offset) {
        if (offset < 0 || offset > limit) {
            throw malformed("offset 0x" + Long.toHexString(offset) + " out of bounds");
        }
        pos = (int) offset;
    }

    int limit() {
        return limit;
    }

    /** Restricts reads to end at {@code end}, which must lie inside the section. */
    void limit(long end) {
        if (end < pos || end > buf.limit()) {
            throw malformed("length runs past the end of the section");
        }
        limit = (int) end;
    }

    void unlimit() {
        limit = buf.limit();
    }

    boolean atEnd() {
        return pos >= limit;
    }

    JrrException malformed(String what) {
        return new JrrException("malformed CFI in " + section + " at 0x" + Integer.toHexString(pos) + ": " + what);
    }

    private void need(int n) {
        if (n < 0 || pos + n > limit) {
            throw malformed("truncated (need " + n + " bytes)");
        }
    }

    int u8() {
        need(1);
        return buf.get(pos++) & 0xff;
    }

    int u16() {
        need(2);
        int v = buf.getShort(pos) & 0xffff;
        pos += 2;
        return v;
    }

    long u32() {
        need(4);
        long v = buf.getInt(pos) & 0xffffffffL;
        pos += 4;
        return v;
    }

    int s32() {
        need(4);
        int v = buf.getInt(pos);
        pos += 4;
        return v;
    }

    long u64() {
        need(8);
        long v = buf.getLong(pos);
        pos += 8;
        return v;
    }

    short s16() {
        need(2);
        short v = buf.getShort(pos);
        pos += 2;
        return v;
    }

    long uleb() {
        long result = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
    }

    long sleb() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) {
                result |= (long) (b & 0x7f) << shift;
            }
            shift += 7;
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) {
            result |= -1L << shift;
        }
        return result;
    }

    /** A NUL-terminated ASCII string. */
    String cstring() {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = u8()) != 0) {
            sb.append((char) c);
        }
        return sb.toString();
    }

    /** {@code n} bytes as a view (for instruction and expression blocks). */
    ByteBuffer slice(long n) {
        if (n < 0 || n > limit - pos) {
            throw malformed("block of " + n + " bytes runs past the end");
        }
        ByteBuffer b = buf.slice(pos, (int) n).order(ByteOrder.LITTLE_ENDIAN);
        pos += (int) n;
        return b;
    }

    void skip(long n) {
        if (n < 0 || n > limit - pos) {
            throw malformed("skip of " + n + " bytes runs past the end");
        }
        pos += (int) n;
    }
}
