package io.jrrtui.symbols;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ElfSymbol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Function and object symbols of an ELF sorted by address, for "name+offset" where DWARF is absent. */
final class ElfSymbolTable {
    private final List<ElfSymbol> sorted;

    ElfSymbolTable(List<ElfFile> sources) {
        List<ElfSymbol> list = new ArrayList<>();
        java.util.Set<Long> seenFunctionAt = new java.util.HashSet<>();
        for (ElfFile f : sources) {
            for (ElfSymbol s : f.symbols()) {
                if (!s.isDefined() || s.name().isEmpty() || s.value() == 0) continue;
                if (!s.isFunction() && !s.isObject()) continue;
                list.add(s);
                if (s.isFunction()) seenFunctionAt.add(s.value());
            }
        }
        // Prefer global over local over weak at one address, as gdb's minimal symbols do.
        list.sort(Comparator.comparingLong(ElfSymbol::value).thenComparingInt(ElfSymbolTable::rank));
        List<ElfSymbol> dedup = new ArrayList<>();
        for (ElfSymbol s : list) {
            if (!dedup.isEmpty() && dedup.get(dedup.size() - 1).value() == s.value()
                    && dedup.get(dedup.size() - 1).isFunction() == s.isFunction()) continue;
            dedup.add(s);
        }
        sorted = dedup;
    }

    private static int rank(ElfSymbol s) {
        int r = s.binding() == ElfSymbol.STB_GLOBAL ? 0 : s.binding() == ElfSymbol.STB_LOCAL ? 1 : 2;
        return r * 2 + (s.dynamic() ? 1 : 0);
    }

    /** The symbol at or before addr that covers it (zero-sized symbols cover up to the next symbol). */
    Optional<ElfSymbol> lookup(long addr) {
        int lo = 0, hi = sorted.size() - 1, ans = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(sorted.get(mid).value(), addr) <= 0) { ans = mid; lo = mid + 1; } else hi = mid - 1;
        }
        for (int i = ans; i >= 0 && i > ans - 8; i--) {
            ElfSymbol s = sorted.get(i);
            if (s.size() == 0 ? i == ans : s.covers(addr)) return Optional.of(s);
        }
        return Optional.empty();
    }

    List<ElfSymbol> named(String name) {
        List<ElfSymbol> out = new ArrayList<>();
        for (ElfSymbol s : sorted) if (s.name().equals(name)) out.add(s);
        return out;
    }

    List<ElfSymbol> all() { return sorted; }
}
