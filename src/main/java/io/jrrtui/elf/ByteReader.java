package io.jrrtui.elf;

import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked little-endian cursor over a slice of bytes. Every read past the end raises a
 * {@link JrrException} naming {@link #what()} and the offset, so a truncated or malformed file never
 * leaks a BufferUnderflowException. Offsets are relative to the start of the slice.
 */
public final class ByteReader {
    private final ByteBuffer buf;
    private final String what;
    private int pos;

    public ByteReader(ByteBuffer buf, String what) {
        this.buf = buf.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.what = what;
    }

    public String what() { return what; }
    public int position() { return pos; }
    public int limit() { return buf.limit(); }
    public int remaining() { return buf.limit() - pos; }
    public boolean hasRemaining() { return pos < buf.limit(); }
    public ByteBuffer buffer() { return buf.duplicate().order(ByteOrder.LITTLE_ENDIAN); }

    public ByteReader seek(long offset) {
        if (offset < 0 || offset > buf.limit()) throw error(offset, "offset out of range");
        pos = (int) offset;
        return this;
    }

    public ByteReader skip(long n) { return seek(pos + n); }

    private int need(int n) {
        if (n < 0 || pos > buf.limit() - n) throw error(pos, "truncated (need " + n + " bytes)");
        int p = pos;
        pos += n;
        return p;
    }

    public JrrException error(long offset, String message) {
        return new JrrException("malformed " + what + " at 0x" + Long.toHexString(offset) + ": " + message);
    }

    public int u8() { return buf.get(need(1)) & 0xff; }
    public int s8() { return buf.get(need(1)); }
    public int u16() { return buf.getShort(need(2)) & 0xffff; }
    public long u32() { return buf.getInt(need(4)) & 0xffffffffL; }
    public int s32() { return buf.getInt(need(4)); }
    public long u64() { return buf.getLong(need(8)); }

    /** An unsigned value of 1, 2, 4 or 8 bytes. */
    public long unsigned(int size) {
        switch (size) {
            case 1: return u8();
            case 2: return u16();
            case 4: return u32();
            case 8: return u64();
            default: throw error(pos, "bad value size " + size);
        }
    }

    /** A 4-byte int that must fit a non-negative Java int (a count or a length). */
    public int u32AsInt() {
        long v = u32();
        if (v > Integer.MAX_VALUE) throw error(pos - 4, "value too large: " + v);
        return (int) v;
    }

    public long uleb() {
        long result = 0;
        int shift = 0;
        while (true) {
            int b = u8();
            if (shift < 64) result |= (long) (b & 0x7f) << shift;
            shift += 7;
            if ((b & 0x80) == 0) return result;
            if (shift > 70 * 7) throw error(pos, "LEB128 too long");
        }
    }

    public long sleb() {
        long result = 0;
        int shift = 0;
        int b;
        do {
            b = u8();
            if (shift < 64) result |= (long) (b & 0x7f) << shift;
            shift += 7;
            if (shift > 70 * 7) throw error(pos, "LEB128 too long");
        } while ((b & 0x80) != 0);
        if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
        return result;
    }

    /** A uleb128 that must fit an int (an index, a count). */
    public int ulebInt() {
        long v = uleb();
        if (v < 0 || v > Integer.MAX_VALUE) throw error(pos, "value too large: " + Long.toUnsignedString(v));
        return (int) v;
    }

    /** Skips a LEB128 number without decoding it. */
    public void skipLeb() {
        int lim = buf.limit();
        for (int n = 0; n < 70; n++) {
            if (pos >= lim) throw error(pos, "truncated LEB128");
            if ((buf.get(pos++) & 0x80) == 0) return;
        }
        throw error(pos, "LEB128 too long");
    }

    /** Skips a NUL-terminated string. */
    public void skipCString() {
        int lim = buf.limit();
        int p = pos;
        while (p < lim && buf.get(p) != 0) p++;
        if (p >= lim) throw error(pos, "unterminated string");
        pos = p + 1;
    }

    /** A NUL-terminated UTF-8 string. */
    public String cstring() {
        int start = pos;
        int end = start;
        int lim = buf.limit();
        while (end < lim && buf.get(end) != 0) end++;
        if (end >= lim) throw error(start, "unterminated string");
        pos = end + 1;
        return string(start, end - start);
    }

    /** The NUL-terminated string at an absolute offset, without moving the cursor. */
    public String cstringAt(long offset) {
        if (offset < 0 || offset >= buf.limit()) throw error(offset, "string offset out of range");
        int start = (int) offset;
        int end = start;
        int lim = buf.limit();
        while (end < lim && buf.get(end) != 0) end++;
        if (end >= lim) throw error(start, "unterminated string");
        return string(start, end - start);
    }

    private String string(int start, int len) {
        byte[] b = new byte[len];
        buf.get(start, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    public byte[] bytes(int n) {
        int p = need(n);
        byte[] b = new byte[n];
        buf.get(p, b);
        return b;
    }

    /** A sub-reader over the next {@code n} bytes; the cursor moves past them. */
    public ByteReader slice(long n) {
        if (n < 0 || n > remaining()) throw error(pos, "length " + n + " exceeds data");
        int p = need((int) n);
        return new ByteReader(buf.slice(p, (int) n), what);
    }

    /** A sub-reader over {@code [offset, offset+n)} of this slice, cursor untouched. */
    public ByteReader sliceAt(long offset, long n) {
        if (offset < 0 || n < 0 || offset > buf.limit() || n > buf.limit() - offset)
            throw error(offset, "range of " + n + " bytes out of bounds");
        return new ByteReader(buf.slice((int) offset, (int) n), what);
    }

    /** A sub-reader from {@code offset} to the end. */
    public ByteReader from(long offset) {
        if (offset < 0 || offset > buf.limit()) throw error(offset, "offset out of range");
        return sliceAt(offset, buf.limit() - offset);
    }
}
