package io.jrrtui.arch.x86;

import java.nio.ByteBuffer;

/**
 * Decodes x86-64 (64-bit mode) machine code into {@link Instruction}s with objdump-compatible AT&T
 * text. Stateless and thread-safe; never throws on malformed input: undecodable bytes give an
 * {@link Kind#INVALID} instruction of length 1 printed as {@code (bad)}.
 */
public final class X86Decoder {
    /** The architectural maximum instruction length. */
    public static final int MAX_LENGTH = 15;

    /**
     * Decodes the instruction at {@code code[offset]} located at virtual address {@code address}.
     * Bytes beyond the array end are treated as unavailable (a truncated instruction is INVALID).
     */
    public Instruction decode(byte[] code, int offset, long address) {
        if (offset < 0 || offset >= code.length) {
            return Decoding.invalid(new byte[0], 0, address);
        }
        int limit = (int) Math.min(code.length, (long) offset + MAX_LENGTH);
        return new Decoding(code, offset, limit, address).run();
    }

    /** Decodes from an absolute {@code offset} in {@code buf} (its position is not changed). */
    public Instruction decode(ByteBuffer buf, int offset, long address) {
        if (offset < 0 || offset >= buf.limit()) {
            return Decoding.invalid(new byte[0], 0, address);
        }
        byte[] b = new byte[Math.min(MAX_LENGTH, buf.limit() - offset)];
        buf.get(offset, b);
        return decode(b, 0, address);
    }

    /** Only the length of the instruction at {@code offset} (1 for undecodable bytes). */
    public int length(byte[] code, int offset) {
        return decode(code, offset, 0).length();
    }
}
