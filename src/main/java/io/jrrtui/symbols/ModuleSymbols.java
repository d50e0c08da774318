package io.jrrtui.symbols;

import io.jrrtui.dwarf.AddressRange;
import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;
import io.jrrtui.dwarf.DwarfInfo;
import io.jrrtui.dwarf.LineProgram;
import io.jrrtui.dwarf.Unit;
import io.jrrtui.elf.DebugFileLocator;
import io.jrrtui.elf.ElfFile;
import io.jrrtui.elf.ElfSymbol;
import io.jrrtui.elf.ProgramHeader;
import io.jrrtui.util.JrrException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Symbols of one ELF module loaded at {@code bias} (0 for a non-PIE executable or when working with
 * file addresses). All public methods take and return biased (run-time) addresses.
 */
public final class ModuleSymbols {
    private final ElfFile elf;
    private final ElfFile debugElf;
    private final long bias;
    private final DwarfInfo dwarf;
    private final CodeBytes code;
    private final Demangler demangler;
    /** What is read from the file, without the load address: shared by every ModuleSymbols of the same file. */
    private final Parsed p;

    /**
     * The file's indexes, built on first use and kept for every load address the file is given
     * (a debugger rebuilding its image after an exec or a library load parses each file once).
     */
    private static final class Parsed {
        List<CompileUnitSymbols> units;
        List<FunctionInfo> functionsByAddress;
        ElfSymbolTable elfSymbols;
        InlineIndex inlineIndex;
        java.util.Map<String, List<FunctionInfo>> functionsBySimpleName;
        /** Unit address ranges sorted by start, for a binary search from pc to unit. */
        long[] unitRangeLow, unitRangeHigh;
        CompileUnitSymbols[] unitRangeOwner;
    }

    public ModuleSymbols(ElfFile elf, Optional<ElfFile> debugElf, long bias, Demangler demangler) {
        this.elf = elf;
        this.debugElf = debugElf.orElse(null);
        this.bias = bias;
        this.dwarf = this.debugElf != null && this.debugElf.hasDebugInfo() ? new DwarfInfo(this.debugElf) : null;
        this.code = new CodeBytes(elf);
        this.demangler = demangler;
        this.p = new Parsed();
    }

    private ModuleSymbols(ModuleSymbols same, long bias) {
        this.elf = same.elf;
        this.debugElf = same.debugElf;
        this.bias = bias;
        this.dwarf = same.dwarf;
        this.code = same.code;
        this.demangler = same.demangler;
        this.p = same.p;
    }

    /** The same file loaded at another address: shares everything parsed so far and later. */
    public ModuleSymbols rebased(long newBias) {
        return newBias == bias ? this : new ModuleSymbols(this, newBias);
    }

    /** Opens a file and finds its DWARF (in the file itself or a separate debug file). */
    public static ModuleSymbols load(Path path, long bias) {
        return load(path, bias, Demangler.NONE);
    }

    /** As {@link #load(Path, long)}, naming ELF-only symbols through {@code demangler}. */
    public static ModuleSymbols load(Path path, long bias, Demangler demangler) {
        ElfFile elf = ElfFile.open(path);
        return new ModuleSymbols(elf, DebugFileLocator.system().find(elf), bias, demangler);
    }

    public ElfFile elf() { return elf; }
    public long bias() { return bias; }
    public boolean hasDwarf() { return dwarf != null; }
    public Optional<DwarfInfo> dwarf() { return Optional.ofNullable(dwarf); }
    public String name() { return elf.origin(); }

    /** Whether a run-time address lies in one of this module's PT_LOAD segments. */
    public boolean containsAddress(long addr) {
        for (ProgramHeader ph : elf.programHeaders()) if (ph.isLoad() && ph.containsVaddr(addr - bias)) return true;
        return false;
    }

    List<CompileUnitSymbols> units() {
        synchronized (p) {
            if (p.units == null) {
                List<CompileUnitSymbols> list = new ArrayList<>();
                if (dwarf != null) for (Unit u : dwarf.compileUnits()) list.add(new CompileUnitSymbols(u));
                p.units = list;
            }
            return p.units;
        }
    }

    ElfSymbolTable elfSymbols() {
        synchronized (p) {
            if (p.elfSymbols == null) {
                List<ElfFile> src = new ArrayList<>();
                src.add(elf);
                if (debugElf != null && debugElf != elf) src.add(debugElf);
                p.elfSymbols = new ElfSymbolTable(src);
            }
            return p.elfSymbols;
        }
    }

    /** Builds the function and unit indexes now (otherwise they are built on first use). */
    public ModuleSymbols index() {
        functionsUnbiased();
        for (CompileUnitSymbols u : units()) u.ranges();
        return this;
    }

    List<FunctionInfo> functionsUnbiased() {
        synchronized (p) {
            if (p.functionsByAddress == null) {
                List<FunctionInfo> all = new ArrayList<>();
                // units are independent: index them on all cores (large Rust/C++ binaries have thousands)
                List<List<FunctionInfo>> perUnit = units().parallelStream().map(CompileUnitSymbols::functions).collect(java.util.stream.Collectors.toList());
                for (List<FunctionInfo> l : perUnit) all.addAll(l);
                all.sort(Comparator.comparingLong(FunctionInfo::lowPc));
                p.functionsByAddress = all;
            }
            return p.functionsByAddress;
        }
    }

    /**
     * Functions whose (possibly qualified) name matches {@code name}: {@code f}, {@code ns::f} and
     * {@code a::ns::f} all match a function {@code a::ns::f}; the linkage name matches too. Biased.
     */
    public List<FunctionInfo> functionsNamed(String name) {
        List<FunctionInfo> out = new ArrayList<>();
        for (FunctionInfo f : functionsNamedUnbiased(name)) out.add(f.rebased(bias));
        return out;
    }

    List<FunctionInfo> functionsNamedUnbiased(String name) {
        synchronized (p) {
            if (p.functionsBySimpleName == null) {
                java.util.Map<String, List<FunctionInfo>> map = new java.util.HashMap<>();
                for (FunctionInfo f : functionsUnbiased()) {
                    map.computeIfAbsent(simpleName(f.name()), k -> new ArrayList<>()).add(f);
                    if (f.linkageName() != null) map.computeIfAbsent(f.linkageName(), k -> new ArrayList<>()).add(f);
                }
                p.functionsBySimpleName = map;
            }
            List<FunctionInfo> out = new ArrayList<>();
            for (FunctionInfo f : p.functionsBySimpleName.getOrDefault(simpleName(name), List.of())) {
                if (name.equals(f.linkageName()) || f.name().equals(name) || f.name().endsWith("::" + name)) {
                    if (!out.contains(f)) out.add(f);
                }
            }
            for (FunctionInfo f : p.functionsBySimpleName.getOrDefault(name, List.of())) if (!out.contains(f)) out.add(f);
            return out;
        }
    }

    static String simpleName(String qualified) {
        int i = qualified.lastIndexOf("::");
        return i < 0 ? qualified : qualified.substring(i + 2);
    }

    /** Every function with code, in address order (biased). */
    public List<FunctionInfo> functions() {
        List<FunctionInfo> out = new ArrayList<>();
        for (FunctionInfo f : functionsUnbiased()) out.add(f.rebased(bias));
        return out;
    }

    /** The innermost concrete DWARF function containing an unbiased pc. */
    Optional<FunctionInfo> functionAt(long a) {
        List<FunctionInfo> fs = functionsUnbiased();
        int lo = 0, hi = fs.size() - 1, ans = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(fs.get(mid).lowPc(), a) <= 0) { ans = mid; lo = mid + 1; } else hi = mid - 1;
        }
        FunctionInfo best = null;
        for (int i = ans; i >= 0 && i > ans - 64; i--) {
            FunctionInfo f = fs.get(i);
            if (f.contains(a) && (best == null || f.highPc() - f.lowPc() < best.highPc() - best.lowPc())) best = f;
        }
        if (best == null) {
            // functions split into several ranges (hot/cold) may start far before a
            for (FunctionInfo f : fs) if (f.ranges().size() > 1 && f.contains(a)) return Optional.of(f);
        }
        return Optional.ofNullable(best);
    }

    private void indexUnitRanges() {
        synchronized (p) {
            if (p.unitRangeLow != null) return;
            List<Object[]> all = new ArrayList<>();
            for (CompileUnitSymbols u : units()) {
                for (AddressRange r : u.ranges()) all.add(new Object[] {r.low(), r.high(), u});
            }
            all.sort(Comparator.comparingLong(o -> (Long) o[0]));
            p.unitRangeLow = new long[all.size()];
            p.unitRangeHigh = new long[all.size()];
            p.unitRangeOwner = new CompileUnitSymbols[all.size()];
            for (int i = 0; i < all.size(); i++) {
                p.unitRangeLow[i] = (Long) all.get(i)[0];
                p.unitRangeHigh[i] = (Long) all.get(i)[1];
                p.unitRangeOwner[i] = (CompileUnitSymbols) all.get(i)[2];
            }
        }
    }

    Optional<CompileUnitSymbols> unitAt(long a) {
        indexUnitRanges();
        int lo = 0, hi = p.unitRangeLow.length - 1, ans = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(p.unitRangeLow[mid], a) <= 0) { ans = mid; lo = mid + 1; } else hi = mid - 1;
        }
        // ranges of different units may nest or overlap (rare): look back a little
        for (int i = ans; i >= 0 && i > ans - 16; i--) {
            if (Long.compareUnsigned(a, p.unitRangeLow[i]) >= 0 && Long.compareUnsigned(a, p.unitRangeHigh[i]) < 0) {
                return Optional.of(p.unitRangeOwner[i]);
            }
        }
        return Optional.empty();
    }

    /** Everything known about a run-time address; empty when no symbol covers it. */
    public Optional<AddressInfo> lookup(long addr) {
        long a = addr - bias;
        Optional<FunctionInfo> f = functionAt(a);
        Optional<CompileUnitSymbols> cu = f.flatMap(fi -> fi.die().map(d -> unitFor(d.unit()))).or(() -> unitAt(a));
        Optional<SourceLine> line = cu.map(CompileUnitSymbols::lineTable).flatMap(t -> t.lookup(a)).map(s -> s.rebased(bias));
        if (f.isPresent()) {
            FunctionInfo fi = f.get();
            List<InlineFrame> chain = InlineChains.at(fi, a, line, cu.orElse(null));
            Optional<ElfSymbol> closer = elfSymbols().lookup(a).filter(es -> Long.compareUnsigned(es.value(), fi.entryPc()) > 0);
            String symbolic = closer.map(es -> AddressInfo.symbolic(displayName(es.name()), a - es.value()))
                    .orElse(AddressInfo.symbolic(fi.name(), a - fi.entryPc()));
            return Optional.of(new AddressInfo(addr, fi.name(), fi.entryPc() + bias, line, chain, name(), symbolic));
        }
        Optional<ElfSymbol> s = elfSymbols().lookup(a);
        if (s.isPresent() && s.get().isFunction()) {
            String n = displayName(s.get().name());
            return Optional.of(new AddressInfo(addr, n, s.get().value() + bias, line,
                    List.of(new InlineFrame(n, line.map(SourceLine::file).orElse(null), line.map(SourceLine::line).orElse(0), 0, false)), name(),
                    AddressInfo.symbolic(n, a - s.get().value())));
        }
        return Optional.empty();
    }

    /**
     * The code gdb's {@code disassemble} shows for an address: the range of the DWARF function
     * holding it, else the ELF symbol covering it (of any type, as gdb); biased. Empty when none.
     */
    public Optional<NamedRange> functionBounds(long addr) {
        long a = addr - bias;
        Optional<FunctionInfo> f = functionAt(a);
        if (f.isPresent()) {
            for (AddressRange r : f.get().ranges()) {
                if (r.contains(a)) return Optional.of(new NamedRange(f.get().name(), r.low() + bias, r.high() + bias));
            }
        }
        return elfSymbols().lookup(a).filter(s -> s.size() > 0 && Long.compareUnsigned(a - s.value(), s.size()) < 0)
                .map(s -> new NamedRange(displayName(s.name()), s.value() + bias, s.value() + s.size() + bias));
    }

    /**
     * The module's ELF symbols as gdb's minimal symbols (versions dropped, PLT entries named
     * {@code name@plt}), in address order, at their run-time addresses.
     */
    public List<ElfSymbol> minimalSymbols() {
        List<ElfSymbol> out = new ArrayList<>();
        for (ElfSymbol s : elfSymbols().all()) {
            out.add(new ElfSymbol(displayName(s.name()), s.value() + bias, s.size(), s.type(), s.binding(), s.sectionIndex(), s.dynamic()));
        }
        return out;
    }

    /**
     * Whether a run-time address is where the innermost inlined call around it begins: gdb shows
     * such a stop at the call site, in the caller, and a next stops there rather than stepping over.
     */
    public boolean atInlinedCallStart(long addr) {
        long a = addr - bias;
        Optional<FunctionInfo> f = functionAt(a);
        if (f.isEmpty() || f.get().die().isEmpty()) return false;
        List<Die> scopes = scopes(f.get().die().get(), a);
        for (int i = scopes.size() - 1; i >= 1; i--) {
            Die d = scopes.get(i);
            if (d.tag() != Dw.TAG_inlined_subroutine) continue;
            for (AddressRange r : d.ranges()) if (r.low() == a) return true;
            return false;
        }
        return false;
    }

    /** A named span of addresses [low, high). */
    public record NamedRange(String name, long low, long high) {}

    /** The innermost concrete function containing a run-time address (biased). */
    public Optional<FunctionInfo> functionContaining(long addr) {
        return functionAt(addr - bias).map(f -> f.rebased(bias));
    }

    /** {@code sym} or {@code sym+off} for an address inside an ELF symbol, as gdb writes {@code <...>}. */
    public Optional<String> symbolize(long addr) {
        long a = addr - bias;
        return elfSymbols().lookup(a).map(s -> {
            long off = a - s.value();
            String n = displayName(s.name());
            return off == 0 ? n : n + "+" + off;
        });
    }

    /** The ELF symbol covering an address as gdb's {@code info symbol} names it ({@code name + off}). */
    public Optional<String> elfSymbolAt(long addr) {
        long a = addr - bias;
        return elfSymbols().lookup(a).map(s -> {
            String n = displayName(s.name());
            long off = a - s.value();
            return off == 0 ? n : n + " + " + off;
        });
    }

    /** A symbol's name as gdb shows it: demangled (C++, Rust), clone suffixes shortened. */
    public String displayName(String raw) {
        return demangler.demangle(raw).orElseGet(() -> ElfSymbolTable.displayName(raw));
    }

    CompileUnitSymbols unitFor(Unit u) {
        for (CompileUnitSymbols c : units()) if (c.unit() == u) return c;
        throw new JrrException("internal: unit not indexed: " + u);
    }

    /** The line entry containing a run-time pc. */
    public Optional<SourceLine> lineAt(long addr) {
        long a = addr - bias;
        return unitAt(a).map(CompileUnitSymbols::lineTable).flatMap(t -> t.lookup(a)).map(s -> s.rebased(bias));
    }

    /** Whether pc is the first address of an is_stmt line entry (a place stepping may stop). */
    public boolean isStatementStart(long addr) {
        long a = addr - bias;
        return unitAt(a).map(CompileUnitSymbols::lineTable).map(t -> t.isStatementStart(a)).orElse(false);
    }

    /** Source files named in line tables (full paths). */
    public List<String> sourceFiles() {
        List<String> out = new ArrayList<>();
        for (CompileUnitSymbols u : units()) {
            CuLineTable t = u.lineTable();
            if (t != null) for (String f : t.files()) if (!out.contains(f)) out.add(f);
        }
        return out;
    }

    /** The line table rows of one file (matched by path suffix), as (line, address) pairs in address order. */
    public List<SourceLine> lineEntries(String file) {
        List<SourceLine> out = new ArrayList<>();
        for (CompileUnitSymbols u : units()) {
            CuLineTable t = u.lineTable();
            if (t == null) continue;
            for (int sf : t.subfilesMatching(file)) {
                CuLineTable.Entry[] es = t.entriesOf(sf);
                for (int i = 0; i < es.length; i++) {
                    if (es[i].line() == 0) continue;
                    long end = i + 1 < es.length ? es[i + 1].pc() : es[i].pc();
                    out.add(new SourceLine(t.file(sf), es[i].line(), es[i].column(), es[i].pc() + bias, end + bias, es[i].isStmt(), t.displayName(sf)));
                }
            }
        }
        out.sort(Comparator.comparingLong(SourceLine::startPc));
        return out;
    }

    /** Where {@code break LOCATION} goes: {@code FILE:LINE}, {@code LINE} (in defaultFile), {@code *ADDR} or {@code FUNC}. */
    public List<BreakpointLocation> breakpointAddresses(String location, String defaultFile) {
        return new BreakpointResolver(this).resolve(location, defaultFile);
    }

    public List<BreakpointLocation> breakpointAddresses(String location) {
        return breakpointAddresses(location, null);
    }

    /** The run-time address after the prologue of a function. */
    public long afterPrologue(FunctionInfo biased) {
        FunctionInfo f = functionAt(biased.entryPc() - bias).orElse(biased.rebased(-bias));
        CompileUnitSymbols cu = f.die().map(d -> unitFor(d.unit())).orElse(null);
        return PrologueAnalyzer.afterPrologue(f, cu, code) + bias;
    }

    long afterPrologueUnbiased(FunctionInfo f) {
        CompileUnitSymbols cu = f.die().map(d -> unitFor(d.unit())).orElse(null);
        return PrologueAnalyzer.afterPrologue(f, cu, code);
    }

    CodeBytes code() { return code; }

    InlineIndex inlineIndex() {
        synchronized (p) {
            if (p.inlineIndex == null) p.inlineIndex = new InlineIndex(units());
            return p.inlineIndex;
        }
    }

    /** Path of a file-table index of a unit's line program (for DW_AT_call_file / decl_file). */
    static String fileName(Unit u, long index) {
        LineProgram lp = u.lineProgram();
        if (lp == null) return null;
        return lp.file((int) index).path();
    }

    /** The DWARF scope chain from a function down to the innermost block containing an unbiased pc. */
    public static List<Die> scopes(Die function, long a) {
        List<Die> chain = new ArrayList<>();
        chain.add(function);
        Die cur = function;
        for (int depth = 0; depth < 64; depth++) {
            Die next = null;
            for (Die c : cur.children()) {
                int t = c.tag();
                if ((t == Dw.TAG_lexical_block || t == Dw.TAG_inlined_subroutine) && c.containsPc(a)) {
                    next = c;
                    break;
                }
            }
            if (next == null) break;
            chain.add(next);
            cur = next;
        }
        return chain;
    }

    static long entryOf(List<AddressRange> rs) {
        return rs.isEmpty() ? 0 : rs.get(0).low();
    }
}
