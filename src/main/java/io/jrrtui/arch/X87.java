package io.jrrtui.arch;

import java.nio.ByteBuffer;

/** Facts about the x87 state in an FXSAVE image that more than one view of the registers needs. */
public final class X87 {
    private X87() {}

    /**
     * gdb's ftag, the full x87 tag word. FXSAVE keeps one "in use" bit per physical register, so the
     * two-bit tags are worked out from each register's contents (valid, zero, special), as the FPU does.
     *
     * @param fxsave the FXSAVE image, little-endian
     */
    public static long fullTagWord(ByteBuffer fxsave) {
        int abridged = fxsave.get(4) & 0xff;
        int top = (fxsave.getShort(2) >> 11) & 7;
        long word = 0;
        for (int phys = 0; phys < 8; phys++) {
            int tag;
            if ((abridged & (1 << phys)) == 0) {
                tag = 3;
            } else {
                int st = (phys - top) & 7; // FXSAVE keeps the registers in stack order
                long mantissa = fxsave.getLong(32 + 16 * st);
                int exponent = fxsave.getShort(32 + 16 * st + 8) & 0x7fff;
                if (exponent == 0x7fff) tag = 2;
                else if (exponent == 0) tag = mantissa == 0 ? 1 : 2;
                else tag = mantissa < 0 ? 0 : 2; // the integer bit must be set in a valid number
            }
            word |= (long) tag << (2 * phys);
        }
        return word;
    }
}
