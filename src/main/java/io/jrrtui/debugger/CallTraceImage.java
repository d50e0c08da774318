package io.jrrtui.debugger;

import io.jrrtui.elf.DebugFileLocator;
import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ProgramHeader;
import io.jrrtui.symbols.ModuleSymbols;
import io.jrrtui.symbols.SymbolIndex;
import io.jrrtui.unwind.ModuleMap;
import io.jrrtui.util.JrrException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The modules the call tracer resolves names and unwinds in. Over a recording it is the debugger's
 * {@link ProgramImage}; over a live run it is loaded from the modules the process maps.
 */
record CallTraceImage(List<LoadedModule> modules, SymbolIndex symbols, ModuleMap unwindModules, LoadedModule main) {
    static CallTraceImage of(ProgramImage image) {
        return new CallTraceImage(image.modules(), image.symbols(), image.unwindModules(), image.main());
    }

    /** Loads every module from its file; the one at executable is the main module. */
    static CallTraceImage load(Path executable, List<CallTraceTarget.ModuleLoad> loads) {
        List<LoadedModule> modules = new ArrayList<>();
        SymbolIndex index = new SymbolIndex();
        ModuleMap unwind = new ModuleMap();
        LoadedModule main = null;
        String exe = executable.toAbsolutePath().toString();
        for (CallTraceTarget.ModuleLoad load : loads) {
            Path p = Path.of(load.path());
            boolean isMain = load.path().equals(exe);
            if (!isMain && (!Files.isRegularFile(p) || !ElfFile.looksLikeElf(p))) continue;
            LoadedModule m;
            try {
                m = loadOne(load);
            } catch (JrrException e) {
                if (isMain) throw e;
                continue; // an unreadable library: its functions cannot be traced, the rest can
            }
            modules.add(m);
            index.add(m.symbols());
            unwind.add(m.start(), m.end(), m.unwind());
            if (isMain) main = m;
        }
        if (main == null) throw new JrrException("the program's executable " + exe + " is not mapped");
        return new CallTraceImage(List.copyOf(modules), index, unwind, main);
    }

    private static LoadedModule loadOne(CallTraceTarget.ModuleLoad load) {
        ElfFile elf = ElfFile.open(Path.of(load.path()));
        long lowestVaddr = Long.MAX_VALUE;
        for (ProgramHeader ph : elf.programHeaders()) if (ph.type() == ProgramHeader.PT_LOAD) lowestVaddr = Math.min(lowestVaddr, ph.vaddr() & ~0xfffL);
        long bias = elf.isDynamic() && lowestVaddr != Long.MAX_VALUE ? load.start() - lowestVaddr : 0;
        ModuleSymbols symbols = new ModuleSymbols(elf, DebugFileLocator.system().find(elf), bias,
                name -> io.jrrtui.demangle.Demangler.demangle(name));
        return LoadedModule.of(load.path(), symbols, load.start());
    }

    /** The run-time address of the executable's entry point ({@code _start}). */
    long entryPoint() {
        return main.symbols().elf().entry() + main.symbols().bias();
    }

    /** The module holding pc, or null. */
    LoadedModule moduleAt(long pc) {
        for (LoadedModule m : modules) if (pc >= m.start() && pc < m.end()) return m;
        return null;
    }
}
