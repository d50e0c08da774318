package io.jrrtui.repl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * gdb's {@code info float} on x86-64 (i387_print_float_info): the eight x87 registers by physical
 * number, top of stack marked "=>", each with its tag, raw bytes and value; then the status word
 * with its flags and TOP, the control word with its masks, precision and rounding, the full tag
 * word, the last instruction and operand pointers and the opcode.
 */
final class X87Status {
    private static final String[] TAGS = {"Valid   ", "Zero    ", "Special ", "Empty   "};
    private static final String[] PRECISION = {"Single Precision (24-bits)", "Reserved", "Double Precision (53-bits)",
        "Extended Precision (64-bits)"};
    private static final String[] ROUNDING = {"Round to nearest", "Round down", "Round up", "Round toward zero"};
    private static final int ST = 32;

    private X87Status() {}

    /** image: FXSAVE's 512 bytes, optionally followed by XSAVE's extended state. */
    static List<String> lines(byte[] image) {
        ByteBuffer b = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        FloatRegisters values = new FloatRegisters(image);
        int fctrl = b.getShort(0) & 0xffff, fstat = b.getShort(2) & 0xffff;
        long ftag = io.jrrtui.arch.X87.fullTagWord(b);
        int top = (fstat >> 11) & 7;
        List<String> out = new ArrayList<>();
        for (int phys = 7; phys >= 0; phys--) {
            int tag = (int) (ftag >> (2 * phys)) & 3;
            int offset = ST + 16 * ((phys + 8 - top) % 8);
            StringBuilder sb = new StringBuilder(phys == top ? "=>R" : "  R").append(phys).append(": ").append(TAGS[tag]).append("0x");
            for (int i = 9; i >= 0; i--) sb.append(String.format("%02x", b.get(offset + i) & 0xff));
            if (tag != 3) sb.append(values.extended(offset));
            out.add(sb.toString());
        }
        out.add("");
        out.add("Status Word:         " + hex(fstat, 4) + "  " + flags(fstat, new int[] {0x1, 0x2, 0x4, 0x8, 0x10, 0x20},
                new String[] {"IE", "DE", "ZE", "OE", "UE", "PE"}) + "  " + flags(fstat, new int[] {0x80}, new String[] {"ES"})
                + "  " + flags(fstat, new int[] {0x40}, new String[] {"SF"}) + "  "
                + flags(fstat, new int[] {0x100, 0x200, 0x400, 0x4000}, new String[] {"C0", "C1", "C2", "C3"}));
        out.add("                       TOP: " + top);
        out.add("Control Word:        " + hex(fctrl, 4) + "  " + flags(fctrl, new int[] {0x1, 0x2, 0x4, 0x8, 0x10, 0x20},
                new String[] {"IM", "DM", "ZM", "OM", "UM", "PM"}));
        out.add("                       PC: " + PRECISION[(fctrl >> 8) & 3]);
        out.add("                       RC: " + ROUNDING[(fctrl >> 10) & 3]);
        out.add("Tag Word:            " + hex(ftag, 4));
        out.add("Instruction Pointer: " + hex(b.getShort(12) & 0xffff, 2) + ":" + hex(b.getInt(8) & 0xffffffffL, 8));
        out.add("Operand Pointer:     " + hex(b.getShort(20) & 0xffff, 2) + ":" + hex(b.getInt(16) & 0xffffffffL, 8));
        int fop = b.getShort(6) & 0x7ff;
        out.add("Opcode:              " + hex(fop != 0 ? fop | 0xd800 : 0, 4));
        return out;
    }

    /** Each set flag by name, a clear one as blanks, each after a space (gdb's columns). */
    private static String flags(int word, int[] bits, String[] names) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < bits.length; i++) sb.append(' ').append((word & bits[i]) != 0 ? names[i] : "  ");
        return sb.toString();
    }

    /** gdb's hex_string_custom: 0x and at least width hex digits. */
    private static String hex(long v, int width) {
        String h = Long.toHexString(v);
        return "0x" + "0".repeat(Math.max(0, width - h.length())) + h;
    }
}
