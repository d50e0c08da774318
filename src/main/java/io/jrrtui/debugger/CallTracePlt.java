package io.jrrtui.debugger;

import io.jrrtui.elf.ByteReader;
import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ElfSection;
import io.jrrtui.util.JrrException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A module's PLT relocations: which symbol each GOT slot (run-time address) is bound to. */
final class CallTracePlt {
    private static final int RELA_SIZE = 24, SYM_SIZE = 24;
    private static final long R_X86_64_JUMP_SLOT = 7;
    private final Map<Long, String> slotNames = new HashMap<>();

    CallTracePlt(LoadedModule m) {
        ElfFile elf = m.symbols().elf();
        long bias = m.symbols().bias();
        Optional<ElfSection> rela = elf.section(".rela.plt");
        if (rela.isEmpty()) return;
        try {
            ElfSection dynsym = elf.section(rela.get().link()).orElse(null);
            if (dynsym == null) return;
            ElfSection strs = elf.section(dynsym.link()).orElse(null);
            if (strs == null) return;
            ByteReader r = rela.get().reader(), syms = dynsym.reader(), names = strs.reader();
            long count = r.limit() / RELA_SIZE;
            for (long i = 0; i < count; i++) {
                r.seek(i * RELA_SIZE);
                long offset = r.u64();
                long info = r.u64();
                long sym = info >>> 32;
                if ((info & 0xffffffffL) != R_X86_64_JUMP_SLOT || (sym + 1) * SYM_SIZE > syms.limit()) continue;
                syms.seek(sym * SYM_SIZE);
                long nameOff = syms.u32();
                if (nameOff < names.limit()) slotNames.put(offset + bias, names.cstringAt(nameOff));
            }
        } catch (JrrException e) {
            // malformed relocations: calls through this PLT are not followed
        }
    }

    String nameOfSlot(long slot) {
        return slotNames.get(slot);
    }
}
