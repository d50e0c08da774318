package io.jrrtui.symbols;

import java.util.Optional;

/**
 * Chooses the address after a function's prologue the way gdb 13 does on x86-64, so that
 * {@code break FUNC} lands where gdb's would:
 * <ol>
 * <li>a line entry flagged prologue_end inside the function wins;</li>
 * <li>for GCC units with location lists ("locations valid") the function's entry is used;</li>
 * <li>otherwise skip {@code [endbr64] push %rbp; mov %rsp,%rbp}, and when that stops in the middle
 * of a line, move to the start of the next line entry if it is still inside the function.</li>
 * </ol>
 */
final class PrologueAnalyzer {
    private PrologueAnalyzer() {}

    static long afterPrologue(FunctionInfo f, CompileUnitSymbols cu, CodeBytes code) {
        long entry = f.entryPc();
        CuLineTable table = cu == null ? null : cu.lineTable();
        if (table != null) {
            Optional<Long> pe = prologueEndFlag(f, table);
            if (pe.isPresent()) return pe.get();
            if (cu.locationsValid()) return entry;
        }
        long pc = analyze(code, entry);
        if (pc == entry || table == null) return pc;
        Optional<SourceLine> sal = table.lookup(pc);
        if (sal.isPresent() && sal.get().startPc() != pc) {
            long end = sal.get().endPc();
            if (Long.compareUnsigned(entry, end) <= 0 && Long.compareUnsigned(end, f.highPc()) < 0) return end;
        }
        return pc;
    }

    private static Optional<Long> prologueEndFlag(FunctionInfo f, CuLineTable table) {
        Optional<SourceLine> at = table.lookup(f.entryPc());
        if (at.isEmpty()) return Optional.empty();
        int sf = table.subfileId(at.get().file());
        if (sf < 0) return Optional.empty();
        return table.prologueEnd(sf, f.entryPc(), f.highPc());
    }

    /** gdb's amd64_analyze_prologue: the pc after a frame-setting {@code push %rbp; mov %rsp,%rbp}. */
    static long analyze(CodeBytes code, long pc) {
        byte[] b = code.read(pc, 12);
        int i = 0;
        if (b.length >= 4 && (b[0] & 0xff) == 0xf3 && (b[1] & 0xff) == 0x0f && (b[2] & 0xff) == 0x1e && (b[3] & 0xff) == 0xfa) i = 4;
        if (b.length > i && (b[i] & 0xff) == 0x55) {
            if (b.length >= i + 4 && (b[i + 1] & 0xff) == 0x48
                    && (((b[i + 2] & 0xff) == 0x89 && (b[i + 3] & 0xff) == 0xe5) || ((b[i + 2] & 0xff) == 0x8b && (b[i + 3] & 0xff) == 0xec)))
                return pc + i + 4;
            if (b.length >= i + 3 && (((b[i + 1] & 0xff) == 0x89 && (b[i + 2] & 0xff) == 0xe5) || ((b[i + 1] & 0xff) == 0x8b && (b[i + 2] & 0xff) == 0xec)))
                return pc + i + 3;
        }
        return pc; // frameless: gdb keeps the entry address
    }
}
