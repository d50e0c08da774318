package io.jrrtui.symbols;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ElfSection;
import java.nio.ByteBuffer;

/** Reads instruction bytes at unbiased addresses from the allocated sections of an ELF file. */
final class CodeBytes {
    private final ElfFile elf;

    CodeBytes(ElfFile elf) {
        this.elf = elf;
    }

    /** Up to {@code n} bytes at {@code addr}; fewer (possibly none) past the end of the section. */
    byte[] read(long addr, int n) {
        for (ElfSection s : elf.sections()) {
            if (s.isAlloc() && s.type() != ElfSection.SHT_NOBITS && !s.isCompressed() && s.contains(addr)) {
                ByteBuffer d = s.data();
                int off = (int) (addr - s.addr());
                int len = Math.min(n, d.limit() - off);
                byte[] out = new byte[Math.max(0, len)];
                d.get(off, out);
                return out;
            }
        }
        return new byte[0];
    }
}
