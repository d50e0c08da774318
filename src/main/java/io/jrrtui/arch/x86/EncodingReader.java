package io.jrrtui.arch.x86;

/**
 * Reads the encoding of one instruction: legacy prefixes, REX, VEX/XOP/EVEX payloads, and the
 * ModRM/SIB/displacement bytes, bounded by the 15-byte limit and the end of the input.
 */
abstract class EncodingReader {
    /** Thrown (without stack trace) for undecodable or truncated bytes. */
    static final class Bad extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bad() {
            super(null, null, false, false);
        }
    }

    static final Bad BAD = new Bad();
    /** Ends decoding after a REX prefix that is followed by another prefix. */
    static final Bad STRAY_REX = new Bad();

    final byte[] code;
    final int start;
    final int limit;
    final long address;
    int pos;

    // prefixes in byte order; index of the last of each kind (-1 absent)
    final int[] prefixes = new int[X86Decoder.MAX_LENGTH];
    int prefixCount;
    int usedPrefixes; // bit per prefix index
    int segIdx = -1, osIdx = -1, asIdx = -1, repIdx = -1, lockIdx = -1;

    int rex; // 0 if none
    int rexUsed;
    boolean byteRegSeen;

    // VEX / EVEX
    boolean vex, evex, vexXop;
    int vexW, vexL, vexPp, vvvv, evexAaa;
    boolean evexZ, evexB, evexRp, evexV;

    // ModRM
    boolean hasModrm;
    int mod, reg, rm;
    int base = -1, index = -1, scale;
    boolean sib, ripRel;
    long disp;
    int dispSize;

    int opcode, map;
    /** Vector length in bits from VEX.L / EVEX.L'L (128 without VEX). */
    int vl = 128;

    EncodingReader(byte[] code, int start, int limit, long address) {
        this.code = code;
        this.start = start;
        this.limit = limit;
        this.address = address;
        this.pos = start;
    }

    int u8() {
        if (pos >= limit) {
            throw BAD;
        }
        return code[pos++] & 0xff;
    }

    int peek() {
        if (pos >= limit) {
            throw BAD;
        }
        return code[pos] & 0xff;
    }

    long le(int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) u8() << (8 * i);
        }
        return v;
    }

    void markUsed(int prefixIndex) {
        if (prefixIndex >= 0) {
            usedPrefixes |= 1 << prefixIndex;
        }
    }

    static RuntimeException bad() {
        return BAD;
    }

    void readPrefixes() {
        while (pos < limit) {
            int b = code[pos] & 0xff;
            int i = prefixCount;
            switch (b) {
                case 0x26: case 0x2e: case 0x36: case 0x3e: case 0x64: case 0x65: segIdx = i; break;
                case 0x66: osIdx = i; break;
                case 0x67: asIdx = i; break;
                case 0xf0: lockIdx = i; break;
                case 0xf2: case 0xf3: repIdx = i; break;
                default:
                    if ((b & 0xf0) != 0x40) {
                        return;
                    }
                    break;
            }
            if (prefixCount == X86Decoder.MAX_LENGTH - 1) {
                throw bad();
            }
            prefixes[prefixCount++] = b;
            pos++;
            if ((b & 0xf0) == 0x40) {
                // a REX prefix counts only directly before the opcode
                if (pos < limit && isLegacyPrefixOrRex(code[pos] & 0xff)) {
                    // objdump lists a REX that does not precede an opcode as an instruction of its own
                    throw STRAY_REX;
                }
                rex = b;
                usedPrefixes |= 1 << i; // printed separately, by its unused bits
                return;
            }
        }
    }

    static boolean isLegacyPrefixOrRex(int b) {
        switch (b) {
            case 0x26: case 0x2e: case 0x36: case 0x3e: case 0x64: case 0x65: case 0x66: case 0x67:
            case 0xf0: case 0xf2: case 0xf3: case 0x9b:
                return true;
            default:
                return (b & 0xf0) == 0x40;
        }
    }

    int rexBit(int bit) {
        if ((rex & bit) != 0) {
            rexUsed |= bit;
            return 8;
        }
        return 0;
    }

    boolean rexW() {
        if (vex || evex) {
            return vexW != 0;
        }
        return rexBit(8) != 0;
    }

    void readVex(int first) {
        // legacy prefixes before VEX/EVEX are #UD on hardware; objdump lists them as unused words
        vex = true;
        int b1 = u8();
        int r, x = 1, bb = 1;
        int m;
        int b2;
        if (first == 0x8f) {
            vexXop = true;
        }
        if (first == 0xc5) {
            r = b1 >> 7;
            m = 1;
            b2 = b1;
            vexW = 0;
        } else {
            r = b1 >> 7;
            x = (b1 >> 6) & 1;
            bb = (b1 >> 5) & 1;
            m = b1 & 0x1f;
            b2 = u8();
            vexW = b2 >> 7;
        }
        rex = 0x40 | (r == 0 ? 4 : 0) | (x == 0 ? 2 : 0) | (bb == 0 ? 1 : 0);
        vvvv = (~b2 >> 3) & 0xf;
        vexL = (b2 >> 2) & 1;
        vl = vexL == 1 ? 256 : 128;
        vexPp = b2 & 3;
        if (vexXop ? m < 8 || m > 10 : m < 1 || m > 3) {
            throw bad();
        }
        map = vexXop ? OpcodeTable.MAP_XOP8 + m - 8 : m;
        opcode = u8();
    }

    void readEvex() {
        // legacy prefixes before VEX/EVEX are #UD on hardware; objdump lists them as unused words
        evex = true;
        int p0 = u8();
        int p1 = u8();
        int p2 = u8();
        if ((p1 & 4) == 0 || (p0 & 0x08) != 0) {
            throw bad();
        }
        int m = p0 & 7;
        if (m < 1 || m > 3) {
            throw bad();
        }
        map = m;
        rex = 0x40 | ((p0 & 0x80) == 0 ? 4 : 0) | ((p0 & 0x40) == 0 ? 2 : 0) | ((p0 & 0x20) == 0 ? 1 : 0);
        evexRp = (p0 & 0x10) == 0;
        vexW = p1 >> 7;
        vvvv = (~p1 >> 3) & 0xf;
        vexPp = p1 & 3;
        evexZ = (p2 & 0x80) != 0;
        vexL = (p2 >> 5) & 3;
        evexB = (p2 & 0x10) != 0;
        evexV = (p2 & 8) == 0;
        evexAaa = p2 & 7;
        if (evexV) {
            vvvv |= 16;
        }
        vl = vexL == 0 ? 128 : vexL == 1 ? 256 : 512;
        opcode = u8();
    }

    /** Mandatory-prefix column (0 none, 1 = 66, 2 = F3, 3 = F2) for the legacy maps. */
    int legacyPp() {
        if (repIdx >= 0) {
            return prefixes[repIdx] == 0xf3 ? 2 : 3;
        }
        return osIdx >= 0 ? 1 : 0;
    }

    void readModrm() {
        if (hasModrm) {
            return;
        }
        hasModrm = true;
        int m = u8();
        mod = m >> 6;
        reg = (m >> 3) & 7;
        rm = m & 7;
        if (map == OpcodeTable.MAP_0F && opcode >= 0x20 && opcode <= 0x23 && !vex && !evex) {
            mod = 3; // moves to/from control and debug registers ignore mod
        }
        if (mod == 3) {
            return;
        }
        if (rm == 4) {
            sib = true;
            int s = u8();
            scale = s >> 6;
            index = (s >> 3) & 7;
            base = s & 7;
            if (base == 5 && mod == 0) {
                base = -1;
                dispSize = 4;
            }
        } else if (rm == 5 && mod == 0) {
            ripRel = true;
            dispSize = 4;
        } else {
            base = rm;
        }
        if (mod == 1) {
            dispSize = 1;
        } else if (mod == 2) {
            dispSize = 4;
        }
        if (dispSize == 1) {
            disp = (byte) u8();
        } else if (dispSize == 4) {
            disp = (int) le(4);
        }
    }
}
