package io.jrrtui.arch.x86;

import io.jrrtui.util.Words;

/**
 * The opcode maps: legacy one-byte, 0F, 0F38 and 0F3A maps indexed by mandatory prefix (none, 66,
 * F3, F2), plus AVX-512 (EVEX) entries whose names or operands differ from their VEX forms.
 * Vector entries are written in their VEX form (with the H = vvvv operand); the legacy SSE decoding
 * drops H. Built once from the text in {@link OpcodeText}.
 */
final class OpcodeTable {
    /** Map numbers. */
    static final int MAP_ONE = 0, MAP_0F = 1, MAP_0F38 = 2, MAP_0F3A = 3;
    /** AMD XOP maps 8, 9 and A. */
    static final int MAP_XOP8 = 4, MAP_XOP9 = 5, MAP_XOPA = 6;
    private static final int MAPS = 7;

    private static final OpEntry[] LEGACY = new OpEntry[MAPS * 4 * 256];
    private static final OpEntry[] EVEX = new OpEntry[MAPS * 4 * 256];
    private static final OpEntry[] VEX = new OpEntry[MAPS * 4 * 256];

    static {
        for (String line : OpcodeText.lines()) {
            add(line);
        }
    }

    private OpcodeTable() {
    }

    static OpEntry legacy(int map, int pp, int opcode) {
        return LEGACY[(map * 4 + pp) * 256 + opcode];
    }

    static OpEntry vex(int map, int pp, int opcode) {
        return VEX[(map * 4 + pp) * 256 + opcode];
    }

    static OpEntry evex(int map, int pp, int opcode) {
        return EVEX[(map * 4 + pp) * 256 + opcode];
    }

    /** Parses {@code KEY NAME OPS [FLAGS]}; see {@link OpcodeText} for the key syntax. */
    private static void add(String line) {
        String[] f = Words.split(line);
        if (f.length < 3) {
            throw new IllegalArgumentException("opcode line: " + line);
        }
        String key = f[0];
        OpEntry[] table = LEGACY;
        if (key.startsWith("E")) {
            table = EVEX;
            key = key.substring(1);
        } else if (key.startsWith("V")) {
            table = VEX;
            key = key.substring(1);
        }
        int pp = 0;
        if (key.startsWith("66:")) {
            pp = 1;
        } else if (key.startsWith("f3:")) {
            pp = 2;
        } else if (key.startsWith("f2:")) {
            pp = 3;
        }
        if (pp != 0) {
            key = key.substring(3);
        }
        int map = MAP_ONE;
        if (key.startsWith("0f38")) {
            map = MAP_0F38;
            key = key.substring(4);
        } else if (key.startsWith("x0")) {
            map = MAP_XOP8 + Character.digit(key.charAt(2), 16) - 8;
            key = key.substring(3);
        } else if (key.startsWith("0f3a")) {
            map = MAP_0F3A;
            key = key.substring(4);
        } else if (key.startsWith("0f") && key.length() > 2 && !key.startsWith("0f/") && !key.startsWith("0f.")) {
            map = MAP_0F;
            key = key.substring(2);
        }
        int opcode = Integer.parseInt(key.substring(0, 2), 16);
        String sub = key.substring(2);
        // EVEX-table names are complete: mark them VEX-only so no 'v' is added
        String flags = (f.length > 3 ? f[3] : "") + (table == EVEX ? "V" : "");
        String[] alt = f[2].split("\\|");
        OpEntry e = entry(f[1], alt[0], flags);
        if (alt.length > 1) {
            e.opsW = entry(f[1], alt[1], flags).ops;
        }
        int index = (map * 4 + pp) * 256 + opcode;
        if (sub.isEmpty()) {
            table[index] = e;
            return;
        }
        OpEntry g = table[index];
        if (g == null || !g.isGroup()) {
            g = OpEntry.group();
            table[index] = g;
        }
        if (sub.startsWith(".")) {
            if (g.exact == null) {
                g.exact = new OpEntry[64];
            }
            g.exact[Integer.parseInt(sub.substring(1), 16) - 0xc0] = e;
            return;
        }
        boolean all = sub.charAt(1) == '*';
        int reg = all ? 0 : sub.charAt(1) - '0';
        boolean memOnly = sub.endsWith("m");
        boolean regOnly = sub.endsWith("r");
        if (!regOnly) {
            g.mem = fill(g.mem, reg, all, e);
        }
        if (!memOnly) {
            g.reg = fill(g.reg, reg, all, e);
        }
    }

    private static OpEntry[] fill(OpEntry[] slots, int reg, boolean all, OpEntry e) {
        OpEntry[] s = slots == null ? new OpEntry[8] : slots;
        for (int i = all ? 0 : reg; i <= (all ? 7 : reg); i++) {
            s[i] = e;
        }
        return s;
    }

    private static OpEntry entry(String name, String opsText, String flagText) {
        int[] ops;
        if (opsText.equals("-")) {
            ops = new int[0];
        } else {
            String[] t = opsText.split(",");
            ops = new int[t.length];
            for (int i = 0; i < t.length; i++) {
                ops[i] = Operand.parse(t[i]);
            }
        }
        int flags = 0;
        Kind kind = null;
        for (char ch : flagText.toCharArray()) {
            switch (ch) {
                case 'S': flags |= OpEntry.SUFFIX; break;
                case '6': flags |= OpEntry.DEFAULT64; break;
                case 'V': flags |= OpEntry.VEX_ONLY; break;
                case 'N': flags |= OpEntry.NO_VEX; break;
                case '8': flags |= OpEntry.ELEM64; break;
                case 'R': flags |= OpEntry.ROUNDING; break;
                case 'l': flags |= OpEntry.NO_VEX_L; break;
                case 'i': flags |= OpEntry.IGNORE_66; break;
                case 'o': flags |= OpEntry.KEEP_ORDER; break;
                case 'p': flags |= OpEntry.CMP_PREDICATE; break;
                case 'P': flags |= OpEntry.PCMP_PREDICATE; break;
                case 'F': flags |= OpEntry.W_SWAPS; break;
                case 'A': flags |= OpEntry.SAE; break;
                case 'c': kind = Kind.CALL; break;
                case 'C': kind = Kind.CALL_INDIRECT; break;
                case 'r': kind = Kind.RET; break;
                case 'j': kind = Kind.JUMP; break;
                case 'J': kind = Kind.JUMP_INDIRECT; break;
                case 'k': kind = Kind.JUMP_CONDITIONAL; break;
                case 'y': kind = Kind.SYSCALL; break;
                case '3': kind = Kind.INT3; break;
                case 'n': kind = Kind.INTERRUPT; break;
                case 'h': kind = Kind.HLT; break;
                default: throw new IllegalArgumentException("opcode flag " + ch);
            }
        }
        boolean vector = false;
        for (int op : ops) {
            if (Operand.needsModrm(op)) {
                flags |= OpEntry.MODRM;
            }
            vector |= Operand.isVector(op);
        }
        if (vector) {
            flags |= OpEntry.VECTOR;
        }
        return new OpEntry(name, ops, flags, kind);
    }
}
