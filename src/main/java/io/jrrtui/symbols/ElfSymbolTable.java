package io.jrrtui.symbols;

import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ElfSection;
import io.jrrtui.elf.ElfSymbol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Function and object symbols of an ELF, chosen for an address the way gdb's minimal symbols are:
 * sorted by (address, name); among symbols of the pc's section at the greatest address not above
 * it, the last is taken, sized symbols are preferred over zero-sized ones, and a sized symbol that
 * does not reach the pc is refused.
 */
final class ElfSymbolTable {
    private final List<ElfSymbol> sorted;
    private final ElfFile sectionSource;

    ElfSymbolTable(List<ElfFile> sources) {
        this.sectionSource = sources.get(0);
        List<ElfSymbol> list = new ArrayList<>();
        for (ElfFile f : sources) {
            for (ElfSymbol s : f.symbols()) {
                if (!s.isDefined() || s.name().isEmpty() || s.value() == 0) continue;
                if (!s.isFunction() && !s.isObject() && s.type() != 0) continue;
                if (s.sectionIndex() >= 0xff00) continue; // absolute and common symbols
                list.add(unversioned(s));
            }
        }
        list.addAll(PltSymbols.of(sources.get(0)));
        list.sort(Comparator.comparingLong(ElfSymbol::value).thenComparing(ElfSymbol::name));
        List<ElfSymbol> dedup = new ArrayList<>();
        for (ElfSymbol s : list) {
            ElfSymbol last = dedup.isEmpty() ? null : dedup.get(dedup.size() - 1);
            if (last != null && last.value() == s.value() && last.name().equals(s.name())) {
                if (last.size() == 0 && s.size() != 0) dedup.set(dedup.size() - 1, s);
                continue;
            }
            dedup.add(s);
        }
        sorted = dedup;
    }

    /** {@code name@VERSION} / {@code name@@VERSION} as gdb records it: without the version. */
    private static ElfSymbol unversioned(ElfSymbol s) {
        int at = s.name().indexOf('@');
        if (at <= 0 || s.name().endsWith("@plt")) return s;
        return new ElfSymbol(s.name().substring(0, at), s.value(), s.size(), s.type(), s.binding(), s.sectionIndex(), s.dynamic());
    }

    /** gdb's preferred kind of code symbol: a global (or weak) function, not a local or an ifunc. */
    private static boolean isGlobalText(ElfSymbol s) {
        return s.type() == ElfSymbol.STT_FUNC && s.binding() != ElfSymbol.STB_LOCAL;
    }

    /** The index of the allocated section containing an (unbiased) address, or -1. */
    private int sectionOf(long addr) {
        for (ElfSection s : sectionSource.sections()) {
            if (s.isAlloc() && Long.compareUnsigned(addr - s.addr(), s.size()) < 0 && s.size() > 0) return s.index();
        }
        return -1;
    }

    /** The symbol gdb would name for addr (see the class comment), or empty. */
    Optional<ElfSymbol> lookup(long addr) {
        int lo = 0, hi = sorted.size() - 1, ans = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(sorted.get(mid).value(), addr) <= 0) { ans = mid; lo = mid + 1; } else hi = mid - 1;
        }
        int section = sectionOf(addr);
        if (section < 0) return Optional.empty(); // gdb names no symbol outside the file's sections
        int bestZeroSized = -1;
        int h = ans;
        for (int steps = 0; h >= 0 && steps < 10_000; steps++) {
            ElfSymbol s = sorted.get(h);
            if (section >= 0 && s.sectionIndex() != section) { h--; continue; }
            if (h > 0 && !isGlobalText(s)) {
                ElfSymbol prev = sorted.get(h - 1);
                if (isGlobalText(prev) && prev.size() == s.size() && prev.value() == s.value() && prev.sectionIndex() == s.sectionIndex()) {
                    h--;
                    continue;
                }
            }
            if (s.size() == 0) {
                if (bestZeroSized == -1) bestZeroSized = h;
                h--;
                continue;
            }
            break;
        }
        if (bestZeroSized != -1 && (h < 0 || sorted.get(h).size() == 0)) h = bestZeroSized;
        if (h < 0) return Optional.empty();
        ElfSymbol s = sorted.get(h);
        if (section >= 0 && s.sectionIndex() != section) return Optional.empty();
        if (s.size() != 0 && Long.compareUnsigned(addr - s.value(), s.size()) >= 0) {
            return bestZeroSized != -1 ? Optional.of(sorted.get(bestZeroSized)) : Optional.empty();
        }
        return Optional.of(s);
    }

    List<ElfSymbol> named(String name) {
        List<ElfSymbol> out = new ArrayList<>();
        for (ElfSymbol s : sorted) if (s.name().equals(name)) out.add(s);
        return out;
    }

    List<ElfSymbol> all() { return sorted; }

    /**
     * gdb shows compiler clone suffixes shortened: {@code f.part.0} as {@code f.part},
     * {@code f.cold} as {@code f[cold]}.
     */
    static String displayName(String raw) {
        String n = raw;
        if (n.matches(".+\\.[A-Za-z_]+\\.\\d+")) n = n.substring(0, n.lastIndexOf('.'));
        if (n.endsWith(".cold")) n = n.substring(0, n.length() - 5) + "[cold]";
        return n;
    }
}
