package io.jrrtui.eval;

import java.util.HashMap;
import java.util.Map;

/** x86-64 register names as gdb spells them ({@code $rip}, {@code $pc}, {@code $eax}) → DWARF numbers. */
final class Registers {
    private static final Map<String, Integer> REG64 = new HashMap<>();
    private static final Map<String, Integer> REG32 = new HashMap<>();

    static {
        String[] r64 = {"rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp", "rsp", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rip"};
        String[] r32 = {"eax", "edx", "ecx", "ebx", "esi", "edi", "ebp", "esp", "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"};
        for (int i = 0; i < r64.length; i++) REG64.put(r64[i], i);
        for (int i = 0; i < r32.length; i++) REG32.put(r32[i], i);
        REG64.put("pc", 16);
        REG64.put("sp", 7);
        REG64.put("fp", 6);
        REG64.put("eflags", 49);
        String[] seg = {"es", "cs", "ss", "ds", "fs", "gs"};
        for (int i = 0; i < seg.length; i++) REG64.put(seg[i], 50 + i);
        REG64.put("fs_base", 58);
        REG64.put("gs_base", 59);
    }

    private Registers() {}

    /** The DWARF number of a 64-bit register name, or -1. */
    static int dwarf64(String name) { return REG64.getOrDefault(name, -1); }

    /** The DWARF number of a 32-bit sub-register name, or -1. */
    static int dwarf32(String name) { return REG32.getOrDefault(name, -1); }

    /** gdb's type for a register: code pointer for pc, data pointer for sp/fp, else long / int. */
    static Type typeOf(String name) {
        switch (name) {
            case "rip": case "pc":
                return Type.Pointer.to(new Type.Function(Type.Void.INSTANCE, java.util.List.of(), false, false));
            case "rsp": case "sp": case "rbp": case "fp":
                return Type.Pointer.to(Type.Void.INSTANCE);
            case "eflags": case "es": case "cs": case "ss": case "ds": case "fs": case "gs":
                return Literals.INT;
            default:
                return dwarf32(name) >= 0 ? Literals.INT : Literals.LONG;
        }
    }
}
