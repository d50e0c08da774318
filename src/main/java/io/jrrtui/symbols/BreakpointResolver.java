package io.jrrtui.symbols;

import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;
import io.jrrtui.elf.ElfSymbol;
import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a gdb-style location into breakpoint addresses: for {@code FILE:LINE} every is_stmt entry
 * of that line (or of the next line that has code), one per block, moved past the prologue when it
 * falls inside one (then reported at the line it moved to, as gdb does: a breakpoint on a function's
 * opening line is on the first line of its body); for {@code FUNC} the post-prologue address of each
 * concrete copy and the entry of each inlined copy.
 */
final class BreakpointResolver {
    private final ModuleSymbols m;

    BreakpointResolver(ModuleSymbols m) {
        this.m = m;
    }

    List<BreakpointLocation> resolve(String location, String defaultFile) {
        String loc = location.trim();
        if (loc.isEmpty()) throw new JrrException("empty breakpoint location");
        if (loc.startsWith("*")) {
            long addr = parseAddress(loc.substring(1).trim());
            Optional<AddressInfo> info = m.lookup(addr);
            return List.of(new BreakpointLocation(addr, info.map(AddressInfo::function).orElse(null),
                    info.flatMap(AddressInfo::line).map(SourceLine::file).orElse(null),
                    info.flatMap(AddressInfo::line).map(SourceLine::line).orElse(0),
                    info.flatMap(AddressInfo::line).map(SourceLine::displayName).orElse(null)));
        }
        int colon = loc.lastIndexOf(':');
        if (colon > 0 && colon < loc.length() - 1 && isDigits(loc.substring(colon + 1)) && loc.charAt(colon - 1) != ':') {
            return fileLine(loc.substring(0, colon), Integer.parseInt(loc.substring(colon + 1)));
        }
        if (isDigits(loc)) {
            if (defaultFile == null) throw new JrrException("No default source file; use FILE:LINE.");
            return fileLine(defaultFile, Integer.parseInt(loc));
        }
        return function(loc);
    }

    static long parseAddress(String s) {
        try {
            return s.startsWith("0x") || s.startsWith("0X") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw new JrrException("Invalid address \"" + s + "\".");
        }
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty() || s.length() > 9) return false;
        for (int i = 0; i < s.length(); i++) if (!Character.isDigit(s.charAt(i))) return false;
        return true;
    }

    private record Candidate(long pc, CompileUnitSymbols cu, String file, int line, String displayFile) {}

    List<BreakpointLocation> fileLine(String file, int line) {
        List<Candidate> cands = collect(file, line);
        boolean anyFile = false;
        for (CompileUnitSymbols cu : m.units()) {
            CuLineTable t = cu.lineTable();
            if (t != null && !t.subfilesMatching(file).isEmpty()) anyFile = true;
        }
        if (!anyFile) throw new JrrException("No source file named " + file + ".");
        if (cands.isEmpty()) {
            int best = 0;
            for (CompileUnitSymbols cu : m.units()) {
                CuLineTable t = cu.lineTable();
                if (t == null) continue;
                for (int sf : t.subfilesMatching(file)) {
                    int b = t.bestLineAfter(sf, line);
                    if (b != 0 && (best == 0 || b < best)) best = b;
                }
            }
            if (best == 0) throw new JrrException("No line " + line + " in file \"" + file + "\".");
            cands = collect(file, best);
        }
        // one location per block: later candidates in the same innermost block are dropped
        Map<Long, BreakpointLocation> out = new LinkedHashMap<>();
        List<Long> seenBlocks = new ArrayList<>();
        for (Candidate c : cands) {
            Optional<FunctionInfo> f = m.functionAt(c.pc());
            long block = f.flatMap(FunctionInfo::die).map(d -> gdbBlock(d, c.pc())).orElse(-1L);
            if (block >= 0 && seenBlocks.contains(block)) continue;
            if (block >= 0) seenBlocks.add(block);
            long pc = c.pc();
            if (f.isPresent()) {
                long post = m.afterPrologueUnbiased(f.get());
                if (Long.compareUnsigned(pc, post) < 0) pc = post;
            }
            String fn = f.map(FunctionInfo::name).orElse(null);
            if (pc != c.pc()) { // moved past the prologue: gdb names the line the breakpoint is really on
                addAt(out, pc, fn);
                continue;
            }
            out.putIfAbsent(pc, new BreakpointLocation(pc + m.bias(), fn, c.file(), c.line(), c.displayFile()));
        }
        return new ArrayList<>(out.values());
    }

    private List<Candidate> collect(String file, int line) {
        List<Candidate> cands = new ArrayList<>();
        for (CompileUnitSymbols cu : m.units()) {
            CuLineTable t = cu.lineTable();
            if (t == null) continue;
            for (int sf : t.subfilesMatching(file)) {
                for (long pc : t.exactLinePcs(sf, line)) cands.add(new Candidate(pc, cu, t.file(sf), line, t.displayName(sf)));
            }
        }
        return cands;
    }

    /**
     * gdb's innermost block at pc: inlined subroutines always make blocks; lexical blocks only when
     * they declare something. Returns the DIE offset naming the block.
     */
    private static long gdbBlock(Die function, long pc) {
        List<Die> scopes = ModuleSymbols.scopes(function, pc);
        for (int i = scopes.size() - 1; i >= 1; i--) {
            Die d = scopes.get(i);
            if (d.tag() == Dw.TAG_inlined_subroutine) return d.rawOffset();
            for (Die c : d.children()) {
                if (c.tag() == Dw.TAG_variable || c.tag() == Dw.TAG_formal_parameter) return d.rawOffset();
            }
        }
        return function.rawOffset();
    }

    List<BreakpointLocation> function(String name) {
        Map<Long, BreakpointLocation> out = new LinkedHashMap<>();
        for (FunctionInfo f : m.functionsNamedUnbiased(name)) {
            long pc = m.afterPrologueUnbiased(f);
            addAt(out, pc, f.name());
        }
        for (InlineIndex.Instance in : m.inlineIndex().matching(name)) addAt(out, in.entryPc(), in.name());
        if (out.isEmpty()) {
            for (ElfSymbol s : m.elfSymbols().named(name)) {
                if (!s.isFunction()) continue;
                // an alias of a function the DWARF names otherwise (libc's printf is __printf's
                // entry): gdb places it as that function, after its prologue, with its line
                Optional<FunctionInfo> same = m.functionAt(s.value()).filter(f -> f.entryPc() == s.value());
                if (same.isPresent()) {
                    addAt(out, m.afterPrologueUnbiased(same.get()), m.displayName(s.name()));
                    continue;
                }
                long pc = PrologueAnalyzer.analyze(m.code(), s.value());
                out.putIfAbsent(pc, new BreakpointLocation(pc + m.bias(), m.displayName(s.name()), null, 0, null));
            }
        }
        if (out.isEmpty()) { // a function of another module, called through this one's PLT
            for (ElfSymbol s : m.elfSymbols().named(name + "@plt")) {
                out.putIfAbsent(s.value(), new BreakpointLocation(s.value() + m.bias(), s.name(), null, 0, null));
            }
        }
        if (out.isEmpty()) throw new JrrException("Function \"" + name + "\" not defined.");
        return new ArrayList<>(out.values());
    }

    private void addAt(Map<Long, BreakpointLocation> out, long pc, String fn) {
        Optional<SourceLine> l = m.lineAt(pc + m.bias());
        out.putIfAbsent(pc, new BreakpointLocation(pc + m.bias(), fn, l.map(SourceLine::file).orElse(null),
                l.map(SourceLine::line).orElse(0), l.map(SourceLine::displayName).orElse(null)));
    }

    /** {@code a::b::f} is matched by {@code f}, {@code b::f} and {@code a::b::f}, as gdb's linespecs do. */
    static boolean qualifiedMatches(String qualified, String name) {
        return qualified.equals(name) || qualified.endsWith("::" + name);
    }
}
