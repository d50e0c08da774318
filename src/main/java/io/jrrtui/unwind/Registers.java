package io.jrrtui.unwind;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * An immutable x86-64 register set in DWARF numbering: 0 rax, 1 rdx, 2 rcx, 3 rbx, 4 rsi, 5 rdi, 6 rbp,
 * 7 rsp, 8..15 r8..r15, 16 the return address column (rip). Each register is known or unknown (a
 * caller's register whose value the CFI cannot recover).
 */
public final class Registers {
    public static final int RAX = 0;
    public static final int RDX = 1;
    public static final int RCX = 2;
    public static final int RBX = 3;
    public static final int RSI = 4;
    public static final int RDI = 5;
    public static final int RBP = 6;
    public static final int RSP = 7;
    public static final int R8 = 8;
    public static final int R12 = 12;
    public static final int R15 = 15;
    public static final int RIP = 16;
    public static final int COUNT = 17;

    private static final String[] NAMES = {"rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp", "rsp", "r8", "r9",
        "r10", "r11", "r12", "r13", "r14", "r15", "rip"};

    private final long[] values;
    private final int knownMask;

    private Registers(long[] values, int knownMask) {
        this.values = values;
        this.knownMask = knownMask;
    }

    /** No register known. */
    public static Registers empty() {
        return new Registers(new long[COUNT], 0);
    }

    /** All 17 registers known, in DWARF order. */
    public static Registers of(long... dwarfOrdered) {
        if (dwarfOrdered.length != COUNT) {
            throw new IllegalArgumentException("need " + COUNT + " registers, got " + dwarfOrdered.length);
        }
        return new Registers(dwarfOrdered.clone(), (1 << COUNT) - 1);
    }

    /** The DWARF number of {@code name} ("rax".."r15", "rip"), or -1. */
    public static int number(String name) {
        for (int i = 0; i < COUNT; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public static String name(int dwarfRegister) {
        return dwarfRegister >= 0 && dwarfRegister < COUNT ? NAMES[dwarfRegister] : "reg" + dwarfRegister;
    }

    public boolean isKnown(int reg) {
        return reg >= 0 && reg < COUNT && (knownMask & (1 << reg)) != 0;
    }

    public OptionalLong get(int reg) {
        return isKnown(reg) ? OptionalLong.of(values[reg]) : OptionalLong.empty();
    }

    /** A copy with {@code reg} set to {@code value}. */
    public Registers with(int reg, long value) {
        if (reg < 0 || reg >= COUNT) {
            return this;
        }
        long[] v = values.clone();
        v[reg] = value;
        return new Registers(v, knownMask | (1 << reg));
    }

    /** A copy with {@code reg} unknown. */
    public Registers without(int reg) {
        if (reg < 0 || reg >= COUNT) {
            return this;
        }
        return new Registers(values, knownMask & ~(1 << reg));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Registers r && r.knownMask == knownMask && Arrays.equals(masked(), r.masked());
    }

    private long[] masked() {
        long[] v = values.clone();
        for (int i = 0; i < COUNT; i++) {
            if (!isKnown(i)) {
                v[i] = 0;
            }
        }
        return v;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(masked()) * 31 + knownMask;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < COUNT; i++) {
            if (isKnown(i)) {
                sb.append(sb.length() > 1 ? " " : "").append(NAMES[i]).append("=0x").append(Long.toHexString(values[i]));
            }
        }
        return sb.append("}").toString();
    }
}
