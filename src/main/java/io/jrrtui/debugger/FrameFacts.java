package io.jrrtui.debugger;

import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;
import io.jrrtui.symbols.FunctionInfo;
import io.jrrtui.unwind.Frame;
import io.jrrtui.unwind.RegisterRule;
import io.jrrtui.unwind.UnwindModule;
import io.jrrtui.unwind.UnwindRow;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines of gdb's {@code info frame} after the frame's links: the source language of the
 * function's compilation unit, where arguments and locals are addressed from (x86-64: the CFA
 * less the return address and saved rbp, where rbp points once the frame is set up) and which
 * registers the frame has saved, where, as its call-frame information says at its pc.
 */
final class FrameFacts {
    /** gdb's register order; the DWARF number of each (16 is the return address, gdb's rip). */
    private static final String[] NAMES = {"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp", "r8", "r9", "r10", "r11",
        "r12", "r13", "r14", "r15", "rip"};
    private static final int[] DWARF = {0, 3, 2, 1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    /** The return address and the saved rbp lie between the CFA and the frame's base. */
    private static final int FRAME_BASE_BELOW_CFA = 16;

    private FrameFacts() {}

    static List<String> describe(ProgramImage image, Frame f, String args) {
        List<String> out = new ArrayList<>();
        language(image, f.lookupPc()).ifPresent(l -> out.add(" source language " + l + "."));
        if (f.cfa().isEmpty()) {
            out.add(" args: " + args);
            return out;
        }
        long cfa = f.cfa().getAsLong();
        out.add(String.format(" Arglist at 0x%x, args: %s", cfa - FRAME_BASE_BELOW_CFA, args));
        out.add(String.format(" Locals at 0x%x, Previous frame's sp is 0x%x", cfa - FRAME_BASE_BELOW_CFA, cfa));
        Optional<UnwindRow> row = row(f);
        if (row.isEmpty()) return out;
        List<String> saved = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            if (row.get().rules().get(DWARF[i]) instanceof RegisterRule.Offset o) {
                saved.add(String.format("%s at 0x%x", NAMES[i], cfa + o.offset()));
            }
        }
        if (!saved.isEmpty()) {
            out.add(" Saved registers:");
            out.add("  " + String.join(", ", saved));
        }
        return out;
    }

    private static Optional<UnwindRow> row(Frame f) {
        Optional<UnwindModule> m = f.module();
        if (m.isEmpty()) return Optional.empty();
        try {
            return m.get().cfi().rowAt(f.lookupPc() - m.get().loadBias());
        } catch (JrrException e) {
            return Optional.empty(); // malformed call-frame information: nothing said rather than a guess
        }
    }

    private static Optional<String> language(ProgramImage image, long pc) {
        LoadedModule m = image.moduleAt(pc);
        if (m == null) return Optional.empty();
        Optional<Die> root = m.symbols().functionContaining(pc).flatMap(FunctionInfo::die).map(d -> d.unit().root());
        return root.map(r -> SymbolListing.language(r.unsigned(Dw.AT_language).orElse(0L).intValue()));
    }
}
