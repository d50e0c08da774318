package io.jrrtui.arch.x86;

/**
 * One opcode table slot: a mnemonic with its operand specifications (Intel order), or a group that
 * is resolved further by the ModRM byte (reg field, memory/register form, or the exact byte).
 */
final class OpEntry {
    /** Mnemonic; two names separated by '|' are chosen by the W bit (REX.W / VEX.W / EVEX.W). */
    final String name;
    final String nameW;
    /** Operand specifications, see {@link Operand}. */
    final int[] ops;
    /** Operands when W is set (differs from {@link #ops} for a few AVX-512 conversions). */
    int[] opsW;
    final int flags;

    /** Group members by ModRM.reg for memory forms (mod != 3), or null. */
    OpEntry[] mem;
    /** Group members by ModRM.reg for register forms (mod == 3), or null. */
    OpEntry[] reg;
    /** Members by ModRM byte (mod == 3, index reg * 8 + rm), or null. */
    OpEntry[] exact;

    /** Append a size suffix (b/w/l/q) when no operand is a register. */
    static final int SUFFIX = 1;
    /** Operand size defaults to 64 bits (push/pop/near branches). */
    static final int DEFAULT64 = 1 << 1;
    /** Only valid with a VEX/EVEX prefix; the name is complete (no 'v' added). */
    static final int VEX_ONLY = 1 << 2;
    /** Never valid with a VEX prefix (MMX, integer). */
    static final int NO_VEX = 1 << 3;
    /** Needs a ModRM byte. */
    static final int MODRM = 1 << 4;
    /** The entry has vector operands (may be VEX encoded). */
    static final int VECTOR = 1 << 5;
    /** Element size for EVEX broadcast comes from the opposite of W (W0 = 32-bit unless set). */
    static final int ELEM64 = 1 << 6;
    /** Embedded rounding control allowed ({rn-sae}...); otherwise EVEX.b on registers means {sae}. */
    static final int ROUNDING = 1 << 7;
    /** Only valid without VEX.L (128-bit or scalar). */
    static final int NO_VEX_L = 1 << 8;
    /** Operand size is always 32 bits unless REX.W (ignores 0x66). */
    static final int IGNORE_66 = 1 << 9;
    /** Operand order is kept (no AT&T reversal). */
    static final int KEEP_ORDER = 1 << 10;
    /** The comparison predicate in the imm8 is folded into the mnemonic (cmpps -> cmpltps). */
    static final int CMP_PREDICATE = 1 << 11;
    /** AVX-512 integer compare predicate (vpcmpub -> vpcmpltub). */
    static final int PCMP_PREDICATE = 1 << 12;

    /** VEX.W swaps the last two operands (FMA4, XOP: rm and is4/vvvv). */
    static final int W_SWAPS = 1 << 13;

    /** EVEX.b on registers means suppress-all-exceptions ({sae}). */
    static final int SAE = 1 << 14;

    /** Control-flow kind, or null for sequential. */
    final Kind kind;

    OpEntry(String spelled, int[] ops, int flags, Kind kind) {
        String name = spelled.replace('_', ' '); // "{vex}_vpdpbusd": names with a pseudo-prefix
        int bar = name.indexOf('|');
        this.name = bar < 0 ? name : name.substring(0, bar);
        this.nameW = bar < 0 ? this.name : name.substring(bar + 1);
        this.ops = ops;
        this.opsW = ops;
        this.flags = flags;
        this.kind = kind;
    }

    /** A group placeholder. */
    static OpEntry group() {
        return new OpEntry("", new int[0], MODRM, null);
    }

    boolean isGroup() {
        return mem != null || reg != null || exact != null;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }
}
