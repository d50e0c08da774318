package io.jrrtui.unwind;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ProgramHeader;

/**
 * A loaded module as the unwinder sees it: a name, the load bias (runtime address minus the ELF's own
 * address) and its CFI.
 */
public record UnwindModule(String name, long loadBias, CallFrameInfo cfi) {
    /** The module for {@code elf} mapped with its first loadable segment at {@code firstSegmentStart}. */
    public static UnwindModule of(String name, ElfFile elf, long firstSegmentStart) {
        long firstVaddr = elf.programHeaders().stream().filter(p -> p.type() == ProgramHeader.PT_LOAD)
                .mapToLong(p -> p.vaddr() & ~(p.align() > 0 ? p.align() - 1 : 0xfff)).min().orElse(0);
        long bias = elf.isDynamic() ? firstSegmentStart - firstVaddr : 0;
        return new UnwindModule(name, bias, CallFrameInfo.of(elf));
    }
}
