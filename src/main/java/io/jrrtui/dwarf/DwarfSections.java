package io.jrrtui.dwarf;

import io.jrrtui.elf.ByteReader;
import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ElfSection;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/** The .debug_* sections of one ELF, each loaded (and decompressed) on first use. */
public final class DwarfSections {
    private final ElfFile elf;
    private final Map<String, ByteBuffer> cache = new HashMap<>();

    public DwarfSections(ElfFile elf) {
        this.elf = elf;
    }

    public ElfFile elf() { return elf; }

    /** A reader over the named section; empty (limit 0) when absent. */
    public synchronized ByteReader reader(String name) {
        ByteBuffer b = cache.computeIfAbsent(name, n -> elf.section(n).map(ElfSection::data).orElse(ByteBuffer.allocate(0)));
        return new ByteReader(b, name);
    }

    public boolean has(String name) { return elf.section(name).isPresent(); }

    public ByteReader info() { return reader(".debug_info"); }
    public ByteReader abbrev() { return reader(".debug_abbrev"); }
    public ByteReader str() { return reader(".debug_str"); }
    public ByteReader lineStr() { return reader(".debug_line_str"); }
    public ByteReader line() { return reader(".debug_line"); }
}
