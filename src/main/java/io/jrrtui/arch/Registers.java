package io.jrrtui.arch;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable x86-64 general register file in the order of Linux {@code struct user_regs_struct}
 * (what PTRACE_GETREGS fills and core files hold).
 */
public final class Registers {
    public static final int R15 = 0, R14 = 1, R13 = 2, R12 = 3, RBP = 4, RBX = 5, R11 = 6, R10 = 7,
            R9 = 8, R8 = 9, RAX = 10, RCX = 11, RDX = 12, RSI = 13, RDI = 14, ORIG_RAX = 15, RIP = 16,
            CS = 17, EFLAGS = 18, RSP = 19, SS = 20, FS_BASE = 21, GS_BASE = 22, DS = 23, ES = 24,
            FS = 25, GS = 26;
    public static final int COUNT = 27;

    public static final List<String> NAMES = List.of(
            "r15", "r14", "r13", "r12", "rbp", "rbx", "r11", "r10", "r9", "r8", "rax", "rcx", "rdx",
            "rsi", "rdi", "orig_rax", "rip", "cs", "eflags", "rsp", "ss", "fs_base", "gs_base", "ds",
            "es", "fs", "gs");

    /** user_regs_struct index of DWARF registers 0..16 (rax rdx rcx rbx rsi rdi rbp rsp r8..r15 rip). */
    private static final int[] DWARF_TO_INDEX = {
        RAX, RDX, RCX, RBX, RSI, RDI, RBP, RSP, R8, R9, R10, R11, R12, R13, R14, R15, RIP
    };

    /** Syscall argument registers in order. */
    private static final int[] SYSCALL_ARGS = {RDI, RSI, RDX, R10, R8, R9};

    private final long[] values;

    public Registers(long[] values) {
        if (values.length != COUNT) throw new IllegalArgumentException("need " + COUNT + " registers");
        this.values = values.clone();
    }

    public long get(int index) {
        return values[index];
    }

    public Registers with(int index, long value) {
        long[] copy = values.clone();
        copy[index] = value;
        return new Registers(copy);
    }

    public long[] raw() {
        return values.clone();
    }

    public long rip() {
        return values[RIP];
    }

    public long rsp() {
        return values[RSP];
    }

    public long rax() {
        return values[RAX];
    }

    public long origRax() {
        return values[ORIG_RAX];
    }

    /** Syscall argument i (0..5). */
    public long arg(int i) {
        return values[SYSCALL_ARGS[i]];
    }

    public Registers withArg(int i, long value) {
        return with(SYSCALL_ARGS[i], value);
    }

    /** Value of DWARF register number n (0..16), or throws for other numbers. */
    public long dwarf(int n) {
        if (n < 0 || n >= DWARF_TO_INDEX.length) throw new IllegalArgumentException("DWARF register " + n);
        return values[DWARF_TO_INDEX[n]];
    }

    /** Index by name ("rax", "rip", "eflags", ...), or -1. */
    public static int indexOf(String name) {
        return NAMES.indexOf(name);
    }

    /** The first register whose value differs, or -1. */
    public int firstDifference(Registers other, int... ignore) {
        outer:
        for (int i = 0; i < COUNT; i++) {
            for (int ig : ignore) if (ig == i) continue outer;
            if (values[i] != other.values[i]) return i;
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Registers r && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < COUNT; i++) {
            sb.append(String.format("%-8s 0x%x%n", NAMES.get(i), values[i]));
        }
        return sb.toString();
    }
}
