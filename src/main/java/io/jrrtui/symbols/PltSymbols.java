package io.jrrtui.symbols;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ElfRelocation;
import io.jrrtui.elf.ElfSection;
import io.jrrtui.elf.ElfSymbol;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Synthetic {@code name@plt} symbols for the PLT stubs of a dynamically linked file, as gdb shows
 * them: each stub's {@code jmp *GOT(%rip)} is decoded and its GOT slot named through the
 * JUMP_SLOT / GLOB_DAT relocation that fills it.
 */
final class PltSymbols {
    private static final String[] STUB_SECTIONS = {".plt", ".plt.sec", ".plt.got"};

    private PltSymbols() {}

    static List<ElfSymbol> of(ElfFile elf) {
        List<ElfSymbol> out = new ArrayList<>();
        try {
            Map<Long, String> slotNames = slotNames(elf);
            if (slotNames.isEmpty()) return out;
            for (String name : STUB_SECTIONS) {
                ElfSection s = elf.section(name).orElse(null);
                if (s == null || s.type() == ElfSection.SHT_NOBITS) continue;
                int entry = name.equals(".plt.got") && s.entSize() == 8 ? 8 : 16;
                ByteBuffer code = s.data();
                for (int off = 0; off + entry <= code.limit(); off += entry) {
                    long slot = jumpSlot(code, off, entry, s.addr() + off);
                    String target = slotNames.get(slot);
                    if (target != null) {
                        out.add(new ElfSymbol(target + "@plt", s.addr() + off, entry, ElfSymbol.STT_FUNC, ElfSymbol.STB_GLOBAL, s.index(), false));
                    }
                }
            }
        } catch (JrrException e) {
            // a damaged PLT just yields no synthetic symbols
        }
        return out;
    }

    /** GOT slot address -> symbol name, from .rela.plt and .rela.dyn. */
    private static Map<Long, String> slotNames(ElfFile elf) {
        Map<Long, String> names = new HashMap<>();
        for (String relaName : new String[] {".rela.plt", ".rela.dyn"}) {
            ElfSection rela = elf.section(relaName).orElse(null);
            if (rela == null) continue;
            ElfSection symtab = elf.section(rela.link()).orElse(null);
            if (symtab == null) continue;
            for (ElfRelocation r : elf.relocations(rela)) {
                if (r.type() != ElfRelocation.R_X86_64_JUMP_SLOT && r.type() != ElfRelocation.R_X86_64_GLOB_DAT) continue;
                elf.symbolName(symtab, r.symbolIndex()).ifPresent(n -> {
                    int at = n.indexOf('@');
                    names.putIfAbsent(r.offset(), at > 0 ? n.substring(0, at) : n);
                });
            }
        }
        return names;
    }

    /** The GOT slot an entry jumps through ({@code [endbr64] [bnd] jmp *disp32(%rip)}), or -1. */
    private static long jumpSlot(ByteBuffer code, int off, int entry, long entryAddr) {
        for (int i = off; i + 6 <= off + entry && i + 6 <= code.limit(); i++) {
            if ((code.get(i) & 0xff) == 0xff && (code.get(i + 1) & 0xff) == 0x25) {
                int disp = code.getInt(i + 2);
                return entryAddr + (i - off) + 6 + disp;
            }
        }
        return -1;
    }
}
