package io.jrrtui.debugger;

import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;
import io.jrrtui.dwarf.LocationList;
import io.jrrtui.eval.TypeFactory;
import io.jrrtui.symbols.FunctionInfo;
import io.jrrtui.symbols.ModuleSymbols;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a variable lives, in gdb's words ({@code info scope}, {@code info address} of a local):
 * "a complex DWARF expression: 0: DW_OP_fbreg -20", "static storage at address 0x...", "a variable
 * in $rbx". Only the forms -O0 code uses are spelt out; others are named by their kind.
 */
final class SymbolScopes {
    private static final String[] DWARF_REGISTERS = {"rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp", "rsp",
        "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rip"};

    private final ProgramImage image;
    private final TypeFactory types;

    SymbolScopes(ProgramImage image, TypeFactory types) {
        this.image = image;
        this.types = types;
    }

    /** info scope: the symbols of the block at pc and of the blocks around it, up to its function. */
    List<String> scope(String spec, long pc) {
        LoadedModule m = image.moduleAt(pc);
        Optional<FunctionInfo> f = m == null ? Optional.empty() : m.symbols().functionContaining(pc);
        if (f.isEmpty() || f.get().die().isEmpty()) throw new JrrException("No function contains specified address.");
        List<Die> blocks = ModuleSymbols.scopes(f.get().die().get(), pc - m.symbols().bias());
        List<String> out = new ArrayList<>();
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Die block = blocks.get(i);
            if (i > 0 && block.tag() == Dw.TAG_inlined_subroutine) break; // gdb stops at a function, inlined ones too
            for (Die c : block.children()) {
                if (c.tag() != Dw.TAG_variable && c.tag() != Dw.TAG_formal_parameter) continue;
                String name = c.nameInherited().orElse(null);
                if (name == null) continue;
                long size = types.of(c.typeInherited()).size();
                String where = describe(c, m.symbols().bias(), true);
                out.add("Symbol " + name + " is " + where + ", length " + size + ".");
            }
        }
        if (out.isEmpty()) return List.of("Scope for " + spec + " contains no locals or arguments.");
        out.add(0, "Scope for " + spec + ":");
        return out;
    }

    /**
     * gdb's description of where a variable is; inScope says it as info scope does ("in static
     * storage"), else as info address ("static storage"). A DWARF expression ends in a newline, the
     * caller's text following on the next line as gdb prints it.
     */
    static String describe(Die d, long bias, boolean inScope) {
        if (d.rawInherited(Dw.AT_const_value).isPresent()) return "constant";
        Optional<LocationList> loc = d.location(Dw.AT_location);
        if (loc.isEmpty()) return "optimized out";
        if (!loc.get().single() || loc.get().entries().size() != 1) return "a variable with multiple locations";
        ByteBuffer e = loc.get().entries().get(0).expr();
        if (!e.hasRemaining()) return "optimized out";
        int op = e.get() & 0xff;
        if (op == 0x03 && e.remaining() == 8) {
            return (inScope ? "in " : "") + String.format("static storage at address 0x%x", e.getLong() + bias);
        }
        if (op >= 0x50 && op <= 0x60 && !e.hasRemaining()) return "a variable in $" + DWARF_REGISTERS[op - 0x50];
        if (op == 0x91) {
            long offset = sleb(e);
            if (!e.hasRemaining()) return "a complex DWARF expression:\n     0: DW_OP_fbreg " + offset + "\n";
        }
        return "a variable with complex DWARF expression locating its address in memory";
    }

    private static long sleb(ByteBuffer b) {
        long result = 0;
        int shift = 0;
        int x;
        do {
            x = b.get() & 0xff;
            result |= (long) (x & 0x7f) << shift;
            shift += 7;
        } while ((x & 0x80) != 0 && b.hasRemaining() && shift < 64);
        if (shift < 64 && (x & 0x40) != 0) result |= -1L << shift;
        return result;
    }
}
