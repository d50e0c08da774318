package io.jrrtui.arch.x86;

import java.util.ArrayList;
import java.util.List;

/**
 * Operand specifications packed into an int: {@code kind << 8 | size}. The letters follow the
 * operand notation of the Intel SDM opcode maps (E = ModRM r/m, G = ModRM reg, V/W = vector reg/rm,
 * H = VEX.vvvv, ...), which keeps the tables readable.
 */
final class Operand {
    private Operand() {
    }

    static final int E = 1, G = 2, M = 3, R = 4, B = 5, I = 6, J = 7, Z = 8, O = 9, X = 10, Y = 11,
            S = 12, C = 13, D = 14, P = 15, Q = 16, N = 17, V = 18, W = 19, U = 20, H = 21, L = 22,
            KG = 23, KE = 24, KH = 25, LITERAL = 26, ACC = 27, STI = 28, KR = 29, IS = 30, A = 31, ONE = 32;

    /** Sizes: bytes for fixed sizes, codes above 16 for ones that depend on prefixes. */
    static final int SB = 1, SW = 2, SD = 4, SQ = 8, ST = 10, SO = 16, SV = 17, SZ = 18, SY = 19,
            SX = 20, SH = 21, SQUARTER = 22, SEIGHTH = 23, SP = 24, SNONE = 0,
            /** 32-bit register or word/byte memory (pinsrw, pextrb...). */
            SDW = 25, SDB = 26,
            /** movddup: a qword from memory at 128 bits, the full vector above. */
            SDUP = 27;

    private static final List<String> LITERALS = new ArrayList<>();

    static int kind(int op) {
        return op >>> 8;
    }

    static int size(int op) {
        return op & 0xff;
    }

    static String literal(int op) {
        return LITERALS.get(size(op));
    }

    /** Parses one spec token such as {@code Ev}, {@code Ib}, {@code Vx}, {@code %cl}, {@code rAX}. */
    static int parse(String t) {
        if (t.startsWith("%") || t.startsWith("(")) {
            synchronized (LITERALS) {
                int i = LITERALS.indexOf(t);
                if (i < 0) {
                    i = LITERALS.size();
                    LITERALS.add(t);
                }
                return LITERAL << 8 | i;
            }
        }
        switch (t) {
            case "rAX": return ACC << 8 | SV;
            case "eAX": return ACC << 8 | SZ;
            case "AL": return ACC << 8 | SB;
            case "KG": return KG << 8;
            case "KE": return KE << 8;
            case "KH": return KH << 8;
            case "KR": return KR << 8;
            case "STi": return STI << 8;
            case "Is": return IS << 8;
            case "1": return ONE << 8;
            case "A": return A << 8;
            default: break;
        }
        int kind = "?EGMRBIJZOXYSCDPQNVWUHL".indexOf(t.charAt(0));
        if (kind <= 0) {
            throw new IllegalArgumentException("operand spec " + t);
        }
        return kind << 8 | parseSize(t.substring(1));
    }

    private static int parseSize(String s) {
        switch (s) {
            case "": return SNONE;
            case "b": return SB;
            case "w": return SW;
            case "d": return SD;
            case "q": return SQ;
            case "t": return ST;
            case "o": return SO;
            case "v": return SV;
            case "z": return SZ;
            case "y": return SY;
            case "x": return SX;
            case "h": return SH;
            case "r": return SQUARTER;
            case "e": return SEIGHTH;
            case "p": return SP;
            case "dw": return SDW;
            case "db": return SDB;
            case "m": return SDUP;
            default: throw new IllegalArgumentException("operand size " + s);
        }
    }

    /** True when the operand is a vector register or vector r/m (decides VEX eligibility). */
    static boolean isVector(int op) {
        int k = kind(op);
        return k == V || k == W || k == U || k == H || k == L || k == A;
    }

    /** True when the operand needs the ModRM byte. */
    static boolean needsModrm(int op) {
        int k = kind(op);
        return k == E || k == G || k == M || k == R || k == S || k == C || k == D || k == P || k == Q
                || k == N || k == V || k == W || k == U || k == KG || k == KE || k == KR || k == A;
    }
}
