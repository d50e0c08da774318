package io.jrrtui.unwind;

import io.jrrtui.core.CoreDump;
import io.jrrtui.core.CoreThread;
import io.jrrtui.core.MappedFile;
import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ElfSymbol;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Test adapter: a gdb core file as the unwinder's memory, modules (from NT_FILE) and registers, plus
 * ELF symbol names for pcs.
 */
final class CoreTarget implements MemoryReader {
    final CoreDump core;
    final ModuleMap modules = new ModuleMap();
    private final Map<UnwindModule, ElfFile> elves = new HashMap<>();
    private final Map<String, Long> starts = new HashMap<>();

    CoreTarget(Path corePath) {
        core = CoreDump.open(corePath);
        Map<String, long[]> ranges = new HashMap<>();
        for (MappedFile f : core.mappedFiles()) {
            long[] r = ranges.computeIfAbsent(f.path(), k -> new long[] {Long.MAX_VALUE, 0, Long.MAX_VALUE});
            r[0] = Math.min(r[0], f.start());
            r[1] = Math.max(r[1], f.end());
            if (f.fileOffset() == 0) {
                r[2] = Math.min(r[2], f.start());
            }
        }
        ranges.forEach((path, r) -> {
            if (!Files.isRegularFile(Path.of(path)) || !ElfFile.looksLikeElf(Path.of(path))) {
                return;
            }
            ElfFile elf = ElfFile.open(Path.of(path));
            UnwindModule m = UnwindModule.of(path, elf, r[2] == Long.MAX_VALUE ? r[0] : r[2]);
            elves.put(m, elf);
            starts.put(path, r[0]);
            modules.add(r[0], r[1], m);
        });
    }

    @Override
    public OptionalLong readU64(long address) {
        Optional<byte[]> b = core.readMemoryOrEmpty(address, 8);
        return b.map(bytes -> OptionalLong.of(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong()))
                .orElse(OptionalLong.empty());
    }

    /** The first thread's registers in DWARF numbering. */
    Registers registers() {
        CoreThread t = core.threads().get(0);
        Registers r = Registers.empty();
        for (int i = 0; i < Registers.COUNT; i++) {
            r = r.with(i, t.get(Registers.name(i)));
        }
        return r;
    }

    /** The ELF symbol (function) covering {@code pc}, or "??". */
    String symbolAt(long pc) {
        Optional<UnwindModule> m = modules.moduleAt(pc);
        if (m.isEmpty()) {
            return "??";
        }
        long addr = pc - m.get().loadBias();
        List<ElfSymbol> syms = elves.get(m.get()).symbols();
        ElfSymbol best = null;
        for (ElfSymbol s : syms) {
            if (s.isFunction() && s.isDefined() && s.value() <= addr && addr < s.value() + Math.max(1, s.size())
                    && (best == null || s.binding() == ElfSymbol.STB_GLOBAL)) {
                best = s;
            }
        }
        return best == null ? "??" : best.name();
    }
}
