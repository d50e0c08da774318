package io.jrrtui.arch.x86;

/**
 * The length of an x86-64 instruction, without decoding what it does: prefixes, REX/VEX/EVEX/XOP,
 * opcode map, ModRM/SIB/displacement and immediate sizes. {@link X86Decoder} produces text and is
 * ~100x slower; sweeping every executable page of a process (rdtsc patching) needs only lengths.
 * Agrees with X86Decoder on libc's whole .text (tested).
 */
public final class InstructionLength {
    private InstructionLength() {}

    /** One-byte opcodes with a ModRM byte (64-bit mode). */
    private static final boolean[] MODRM1 = new boolean[256];
    /** Two-byte (0F xx) opcodes without a ModRM byte. */
    private static final boolean[] NO_MODRM2 = new boolean[256];
    /** Two-byte (0F xx) opcodes followed by an imm8 (also in VEX/EVEX map 1). */
    private static final boolean[] IMM8_2 = new boolean[256];
    /** One-byte opcodes invalid in 64-bit mode: decoded as one byte, as X86Decoder does. */
    private static final boolean[] INVALID1 = new boolean[256];

    static {
        for (int row = 0; row < 0x40; row += 8) for (int k = 0; k < 4; k++) MODRM1[row + k] = true;
        for (int op : new int[] {0x62, 0x63, 0x69, 0x6b, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a,
                0x8b, 0x8c, 0x8d, 0x8e, 0x8f, 0xc0, 0xc1, 0xc4, 0xc5, 0xc6, 0xc7, 0xd0, 0xd1, 0xd2, 0xd3, 0xd8, 0xd9, 0xda,
                0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xf6, 0xf7, 0xfe, 0xff}) {
            MODRM1[op] = true;
        }
        for (int op : new int[] {0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0e, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35,
                0x36, 0x37, 0x77, 0xa0, 0xa1, 0xa2, 0xa8, 0xa9, 0xaa}) {
            NO_MODRM2[op] = true;
        }
        for (int op = 0x80; op <= 0x8f; op++) NO_MODRM2[op] = true; // jcc rel32
        for (int op = 0xc8; op <= 0xcf; op++) NO_MODRM2[op] = true; // bswap
        for (int op : new int[] {0x70, 0x71, 0x72, 0x73, 0xa4, 0xac, 0xba, 0xc2, 0xc4, 0xc5, 0xc6}) IMM8_2[op] = true;
        for (int op : new int[] {0x06, 0x07, 0x0e, 0x16, 0x17, 0x1e, 0x1f, 0x27, 0x2f, 0x37, 0x3f, 0x60, 0x61, 0x82, 0x9a,
                0xd4, 0xd5, 0xd6, 0xea, 0xce}) {
            INVALID1[op] = true;
        }
    }

    /** The length of the instruction at code[off] (1 for bytes that are not a valid instruction). */
    public static int of(byte[] code, int off) {
        int len = decode(code, off);
        return len <= 0 || len > X86Decoder.MAX_LENGTH ? 1 : len;
    }

    private static int decode(byte[] c, int start) {
        int p = start;
        boolean opsize = false, addrsize = false, rexW = false;
        // legacy prefixes
        while (p < c.length) {
            int b = c[p] & 0xff;
            if (b == 0x66) opsize = true;
            else if (b == 0x67) addrsize = true;
            else if (!(b == 0xf0 || b == 0xf2 || b == 0xf3 || b == 0x2e || b == 0x36 || b == 0x3e || b == 0x26 || b == 0x64 || b == 0x65)) break;
            p++;
            if (p - start > 14) return -1;
        }
        if (p >= c.length) return -1;
        int b = c[p] & 0xff;
        if ((b & 0xf0) == 0x40) { // REX
            rexW = (b & 8) != 0;
            p++;
            if (p >= c.length) return -1;
            b = c[p] & 0xff;
        }
        if (b == 0xc4 || b == 0xc5 || b == 0x62) return vex(c, start, p, b, addrsize);
        if (b == 0x8f && p + 1 < c.length && (c[p + 1] & 0x1f) >= 8) return xop(c, start, p, addrsize);
        p++;
        if (b == 0x0f) {
            if (p >= c.length) return -1;
            int op = c[p++] & 0xff;
            if (op == 0x38) return modrm(c, start, p + 1, addrsize, 0);
            if (op == 0x3a) return modrm(c, start, p + 1, addrsize, 1);
            if (op == 0x0f) return modrm(c, start, p, addrsize, 1); // 3DNow!: the opcode is the trailing byte
            if (NO_MODRM2[op]) return (op >= 0x80 && op <= 0x8f) ? p + 4 - start : p - start;
            return modrm(c, start, p, addrsize, IMM8_2[op] ? 1 : 0);
        }
        if (INVALID1[b]) return 1 + (p - 1 - start);
        int z = opsize ? 2 : 4;
        if (MODRM1[b]) {
            int imm = switch (b) {
                case 0x69, 0x81, 0xc7 -> z;
                case 0x6b, 0x80, 0x83, 0xc0, 0xc1, 0xc6 -> 1;
                case 0xf6, 0xf7 -> {
                    if (p >= c.length) yield 0;
                    int reg = (c[p] >> 3) & 7;
                    yield reg <= 1 ? (b == 0xf6 ? 1 : z) : 0;
                }
                default -> 0;
            };
            return modrm(c, start, p, addrsize, imm);
        }
        int imm;
        if (b < 0x40 && (b & 7) == 4) imm = 1;
        else if (b < 0x40 && (b & 7) == 5) imm = z;
        else if (b >= 0x70 && b <= 0x7f) imm = 1;
        else if (b >= 0xb0 && b <= 0xb7) imm = 1;
        else if (b >= 0xb8 && b <= 0xbf) imm = rexW ? 8 : z;
        else if (b >= 0xa0 && b <= 0xa3) imm = addrsize ? 4 : 8;
        else if (b >= 0xe0 && b <= 0xe7) imm = 1;
        else {
            imm = switch (b) {
                case 0x68, 0xa9, 0xe8, 0xe9 -> b >= 0xe8 ? 4 : z;
                case 0x6a, 0xa8, 0xcd, 0xeb -> 1;
                case 0xc2, 0xca -> 2;
                case 0xc8 -> 3;
                default -> 0;
            };
        }
        return p + imm - start;
    }

    /** VEX (C4/C5) and EVEX (62): ModRM always, imm8 in map 3 and for the map-1 opcodes that take one. */
    private static int vex(byte[] c, int start, int p, int kind, boolean addrsize) {
        int map;
        if (kind == 0xc5) {
            map = 1;
            p += 2;
        } else if (kind == 0xc4) {
            if (p + 1 >= c.length) return -1;
            map = c[p + 1] & 0x1f;
            p += 3;
        } else {
            if (p + 1 >= c.length) return -1;
            map = c[p + 1] & 0x07;
            p += 4;
        }
        if (p >= c.length) return -1;
        int op = c[p++] & 0xff;
        if (map == 1 && op == 0x77 && kind != 0x62) return p - start; // vzeroupper / vzeroall
        int imm = map == 3 || (map == 1 && IMM8_2[op]) ? 1 : 0;
        return modrm(c, start, p, addrsize, imm);
    }

    /** AMD XOP (8F with map >= 8): ModRM always; map 8 has an imm8, map 0A an imm32. */
    private static int xop(byte[] c, int start, int p, boolean addrsize) {
        int map = c[p + 1] & 0x1f;
        p += 3;
        if (p >= c.length) return -1;
        p++; // opcode
        return modrm(c, start, p, addrsize, map == 8 ? 1 : map == 0xa ? 4 : 0);
    }

    /** ModRM at c[p], then SIB and displacement, then imm bytes: the total length from start. */
    private static int modrm(byte[] c, int start, int p, boolean addrsize, int imm) {
        if (p >= c.length) return -1;
        int m = c[p++] & 0xff;
        int mod = m >> 6, rm = m & 7;
        if (mod != 3) {
            if (rm == 4) {
                if (p >= c.length) return -1;
                int sib = c[p++] & 0xff;
                if (mod == 0 && (sib & 7) == 5) p += 4;
            } else if (mod == 0 && rm == 5) {
                p += 4;
            }
            if (mod == 1) p += 1;
            else if (mod == 2) p += 4;
        }
        return p + imm - start;
    }
}
