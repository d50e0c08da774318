package io.jrrtui.debugger;

import io.jrrtui.elf.ProgramHeader;
import io.jrrtui.symbols.ModuleSymbols;
import io.jrrtui.unwind.UnwindModule;

/** One ELF loaded in the program: its symbols (at their bias), its unwind tables, and its address range. */
record LoadedModule(String path, ModuleSymbols symbols, UnwindModule unwind, long start, long end) {
    static LoadedModule of(String path, ModuleSymbols symbols, long firstSegmentStart) {
        UnwindModule unwind = UnwindModule.of(path, symbols.elf(), firstSegmentStart);
        long lo = Long.MAX_VALUE, hi = 0;
        for (ProgramHeader ph : symbols.elf().programHeaders()) {
            if (ph.type() != ProgramHeader.PT_LOAD) continue;
            lo = Math.min(lo, ph.vaddr() + symbols.bias());
            hi = Math.max(hi, ph.vaddr() + ph.memsz() + symbols.bias());
        }
        return new LoadedModule(path, symbols, unwind, lo == Long.MAX_VALUE ? firstSegmentStart : lo, hi);
    }
}
