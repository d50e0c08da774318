package io.jrrtui.debugger;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.DebugFileLocator;
import io.jrrtui.elf.ProgramHeader;
import io.jrrtui.replay.ReplaySession;
import io.jrrtui.symbols.ModuleSymbols;
import io.jrrtui.symbols.SymbolIndex;
import io.jrrtui.sys.ProcMaps;
import io.jrrtui.trace.Mapping;
import io.jrrtui.unwind.ModuleMap;
import io.jrrtui.util.JrrException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorded program's code as the debugger sees it: the executable (the trace's own copy), the
 * dynamic loader, and the shared libraries the recording mapped, each with symbols and CFI at its
 * load address. Shared libraries are found through the trace's mappings stream because replay maps
 * their bytes anonymously.
 */
final class ProgramImage {
    private final List<LoadedModule> modules = new ArrayList<>();
    private final SymbolIndex index = new SymbolIndex();
    private final ModuleMap unwindModules = new ModuleMap();
    private final LoadedModule main;

    ProgramImage(ReplaySession session) {
        Path exe = session.currentExecutable();
        long exeBase = session.executableBase();
        main = add(exe.toAbsolutePath().toString(), ElfFile.open(exe), exeBase);
        Map<String, Long> others = new LinkedHashMap<>();
        for (ProcMaps.Region r : session.memoryMap()) {
            if (r.offset() == 0 && r.path().startsWith("/") && !r.path().equals(main.path())) others.putIfAbsent(r.path(), r.start());
        }
        for (Mapping m : session.trace().mappings()) {
            if (m.offset() == 0 && m.path().startsWith("/")) others.putIfAbsent(m.path(), m.addr());
        }
        for (Map.Entry<String, Long> e : others.entrySet()) {
            Path p = Path.of(e.getKey());
            if (!Files.isRegularFile(p) || !ElfFile.looksLikeElf(p)) continue;
            try {
                add(e.getKey(), ElfFile.open(p), e.getValue());
            } catch (JrrException ex) {
                // a library we cannot read: frames in it show as ?? rather than failing the session
            }
        }
    }

    private LoadedModule add(String path, ElfFile elf, long firstSegmentStart) {
        long firstVaddr = elf.programHeaders().stream().filter(p -> p.type() == ProgramHeader.PT_LOAD)
                .mapToLong(p -> p.vaddr() & ~0xfffL).min().orElse(0);
        long bias = elf.isDynamic() ? firstSegmentStart - firstVaddr : 0;
        ModuleSymbols symbols = new ModuleSymbols(elf, DebugFileLocator.system().find(elf), bias,
                name -> io.jrrtui.demangle.Demangler.demangle(name));
        LoadedModule m = LoadedModule.of(path, symbols, firstSegmentStart);
        modules.add(m);
        index.add(symbols);
        unwindModules.add(m.start(), m.end(), m.unwind());
        return m;
    }

    SymbolIndex symbols() {
        return index;
    }

    ModuleMap unwindModules() {
        return unwindModules;
    }

    LoadedModule main() {
        return main;
    }

    List<LoadedModule> modules() {
        return List.copyOf(modules);
    }

    /** The module holding pc, or null. */
    LoadedModule moduleAt(long pc) {
        for (LoadedModule m : modules) if (pc >= m.start() && pc < m.end()) return m;
        return null;
    }
}
