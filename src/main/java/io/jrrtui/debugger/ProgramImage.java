package io.jrrtui.debugger;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.DebugFileLocator;
import io.jrrtui.elf.ProgramHeader;
import io.jrrtui.symbols.ModuleSymbols;
import io.jrrtui.symbols.SymbolIndex;
import io.jrrtui.target.MemoryRegion;
import io.jrrtui.target.Target;
import io.jrrtui.trace.Mapping;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.unwind.ModuleMap;
import io.jrrtui.util.JrrException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recorded program's code as the debugger sees it: the executable (the trace's own copy), the
 * dynamic loader, and the shared libraries the recording mapped, each with symbols and CFI at its
 * load address. Shared libraries are found through the trace's mappings stream because replay maps
 * their bytes anonymously; the trace's own copies (a packed or imported trace) come first. A library
 * whose file is gone or changed since the recording gets no symbols and a line saying so, never
 * another file's symbols.
 */
final class ProgramImage {
    private final List<LoadedModule> modules = new ArrayList<>();
    private final SymbolIndex index = new SymbolIndex();
    private final ModuleMap unwindModules = new ModuleMap();
    private final LoadedModule main;
    private final TraceReader trace;
    private final DebugFileLocator debugFiles;
    /** Code the recording mapped that has no symbols here, and why. */
    private final List<MissingModule> missing = new ArrayList<>();

    /** A library without symbols: its path, where it was mapped, and why (file missing, changed). */
    record MissingModule(String path, long start, String why) {
        String describe() {
            return "no symbols for " + Path.of(path).getFileName() + ": " + why + " (" + path + ")";
        }
    }

    /** The image of target, which replays trace (null: a target without a recording, e.g. a core file), at event now. */
    ProgramImage(Target target, TraceReader trace, long now) {
        this(target, trace, now, trace == null ? List.of() : trace.mappings(),
                new LoadedHeaders(p -> trace == null ? Path.of(p) : trace.localCopy(p)), new java.util.HashMap<>());
    }

    /**
     * As above, with the trace's mapping stream already read, the headers known and the files
     * parsed so far (the debugger keeps all three across the images it makes).
     */
    ProgramImage(Target target, TraceReader trace, long now, List<Mapping> recordedMappings, LoadedHeaders headers,
            Map<Path, ModuleSymbols> parsed) {
        this.trace = trace;
        this.parsed = parsed;
        Path sysrootDebug = localCopy(SYSTEM_DEBUG);
        debugFiles = new DebugFileLocator(sysrootDebug.equals(Path.of(SYSTEM_DEBUG)) ? List.of(sysrootDebug)
                : List.of(sysrootDebug, Path.of(SYSTEM_DEBUG)));
        Path exe = target.currentExecutable();
        exeBase = target.executableBase();
        main = add(exe.toAbsolutePath().toString(), exe, exeBase);
        Set<String> code = new HashSet<>();
        for (Mapping m : recordedMappings) if ((m.prot() & PROT_EXEC) != 0) code.add(m.path());
        placements = LibraryPlacement.of(target.memoryMap(), recordedMappings, now, main.path(), m -> headers.holds(target, m));
        for (Map.Entry<String, LibraryPlacement.Placement> e : placements.entrySet()) {
            Path p = localCopy(e.getKey());
            Mapping recorded = e.getValue().recorded();
            String changed = recorded != null ? changedSince(p, recorded) : null;
            if (changed != null && code.contains(e.getKey())) missing.add(new MissingModule(e.getKey(), e.getValue().start(), changed));
            if (changed != null || !Files.isRegularFile(p) || !ElfFile.looksLikeElf(p)) continue;
            try {
                add(e.getKey(), p, e.getValue().start());
            } catch (JrrException ex) {
                // a library we cannot read: frames in it show as ?? rather than failing the session
            }
        }
    }

    /** Where the executable's first mapping starts. */
    private final long exeBase;

    /** Where each library is loaded, as chosen when this image was made. */
    private final Map<String, LibraryPlacement.Placement> placements;

    /**
     * What decides this image: the executable, its load address and each library's. A process
     * that execs another program, or loads a library where the image expected another, needs a new one.
     */
    String layoutKey() {
        StringBuilder b = new StringBuilder(main.path()).append('@').append(Long.toHexString(exeBase));
        placements.forEach((path, pl) -> b.append('|').append(path).append('@').append(Long.toHexString(pl.start())));
        return b.toString();
    }

    /** The same key for target as it is now, without loading anything (see {@link #layoutKey}). */
    static String layoutKeyOf(Target target, List<Mapping> recordedMappings, long now, LoadedHeaders headers) {
        String exe = target.currentExecutable().toAbsolutePath().toString();
        StringBuilder b = new StringBuilder(exe).append('@').append(Long.toHexString(target.executableBase()));
        LibraryPlacement.of(target.memoryMap(), recordedMappings, now, exe, m -> headers.holds(target, m))
                .forEach((path, pl) -> b.append('|').append(path).append('@').append(Long.toHexString(pl.start())));
        return b.toString();
    }

    /**
     * Files parsed by this image or an earlier one of the same session, by the path opened: an
     * image made again after an exec or a library load reuses their symbols at the new address
     * instead of reading the DWARF of every library again (seconds for libpython).
     */
    private final Map<Path, ModuleSymbols> parsed;

    private LoadedModule add(String path, Path file, long firstSegmentStart) {
        ModuleSymbols known = parsed.get(file);
        ElfFile elf = known != null ? known.elf() : ElfFile.open(file);
        long firstVaddr = elf.programHeaders().stream().filter(p -> p.type() == ProgramHeader.PT_LOAD)
                .mapToLong(p -> p.vaddr() & ~0xfffL).min().orElse(0);
        long bias = elf.isDynamic() ? firstSegmentStart - firstVaddr : 0;
        ModuleSymbols symbols = known != null ? known.rebased(bias) : new ModuleSymbols(elf, debugFiles.find(elf), bias,
                name -> io.jrrtui.demangle.Demangler.demangle(name));
        if (known == null) parsed.put(file, symbols);
        LoadedModule m = LoadedModule.of(path, symbols, firstSegmentStart);
        modules.add(m);
        index.add(symbols);
        unwindModules.add(m.start(), m.end(), m.unwind());
        return m;
    }

    private static final String SYSTEM_DEBUG = "/usr/lib/debug";
    private static final int PROT_EXEC = 4;

    /**
     * Why file p is not the one the recording mapped (gone, another size or modification time), or
     * null when it is. Times compare to the second: copies through a tar archive keep no more.
     */
    private static String changedSince(Path p, Mapping m) {
        if (!Files.isRegularFile(p)) return "file missing";
        try {
            if (Files.size(p) != m.fileSize()) return "the file changed since the recording (size " + Files.size(p) + ", was " + m.fileSize() + ")";
            long mtime = Files.getLastModifiedTime(p).to(java.util.concurrent.TimeUnit.SECONDS);
            if (m.mtimeNanos() != 0 && mtime != m.mtimeNanos() / 1_000_000_000L) return "the file changed since the recording (modified later)";
            return null;
        } catch (java.io.IOException e) {
            return "cannot read it: " + e.getMessage();
        }
    }

    /** Code the recording mapped that has no symbols here, and why. */
    List<MissingModule> missing() {
        return List.copyOf(missing);
    }

    /** Where to read a file by its recorded absolute path (the trace's own copy first). */
    Path localCopy(String absolutePath) {
        return trace == null ? Path.of(absolutePath) : trace.localCopy(absolutePath);
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
