package io.jrrtui.symbols;

import io.jrrtui.dwarf.AddressRange;
import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inlined instances of functions by name (for {@code break FUNC}). A unit is scanned only when it
 * declares a subprogram of that name: an inlined copy's abstract origin lives in the unit it was
 * inlined into, so other units cannot hold copies.
 */
final class InlineIndex {
    /** One inlined copy: its entry pc (unbiased), qualified name and DIE. */
    record Instance(long entryPc, String name, Die die, CompileUnitSymbols unit) {}

    private final List<CompileUnitSymbols> units;
    private final Map<CompileUnitSymbols, Map<String, List<Instance>>> scanned = new HashMap<>();

    InlineIndex(List<CompileUnitSymbols> units) {
        this.units = units;
    }

    /** Inlined copies whose qualified name matches a user's (possibly unqualified) function name. */
    synchronized List<Instance> matching(String name) {
        String simple = ModuleSymbols.simpleName(name);
        List<Instance> out = new ArrayList<>();
        for (CompileUnitSymbols cu : units) {
            if (!declares(cu, simple)) continue;
            for (Instance in : scan(cu).getOrDefault(simple, List.of())) {
                if (BreakpointResolver.qualifiedMatches(in.name(), name)) out.add(in);
            }
        }
        return out;
    }

    private static boolean declares(CompileUnitSymbols cu, String simple) {
        for (String q : cu.qualifiedNames().values()) if (ModuleSymbols.simpleName(q).equals(simple)) return true;
        return false;
    }

    private Map<String, List<Instance>> scan(CompileUnitSymbols cu) {
        Map<String, List<Instance>> map = scanned.get(cu);
        if (map != null) return map;
        map = new HashMap<>();
        for (FunctionInfo f : cu.functions()) {
            if (f.die().isEmpty()) continue;
            Deque<Die> stack = new ArrayDeque<>();
            stack.push(f.die().get());
            int budget = 1_000_000;
            while (!stack.isEmpty() && budget-- > 0) {
                Die d = stack.pop();
                for (Die c : d.childrenWithTag(t -> t == Dw.TAG_inlined_subroutine || t == Dw.TAG_lexical_block)) {
                    if (c.tag() == Dw.TAG_inlined_subroutine) {
                        List<AddressRange> rs = c.ranges();
                        String n = qualifiedName(c, cu);
                        if (!rs.isEmpty() && n != null && ModuleSymbols.entryOf(rs) != 0) {
                            map.computeIfAbsent(ModuleSymbols.simpleName(n), k -> new ArrayList<>())
                                    .add(new Instance(ModuleSymbols.entryOf(rs), n, c, cu));
                        }
                    }
                    stack.push(c);
                }
            }
        }
        scanned.put(cu, map);
        return map;
    }

    /** The namespace-qualified name of an inlined copy, from its abstract origin's declaration. */
    private String qualifiedName(Die inlined, CompileUnitSymbols home) {
        Die d = inlined;
        for (int i = 0; i < 8; i++) {
            Optional<Die> o = d.origin();
            if (o.isEmpty()) break;
            d = o.get();
            CompileUnitSymbols owner = d.unit() == home.unit() ? home : null;
            if (owner == null) for (CompileUnitSymbols cu : units) if (cu.unit() == d.unit()) owner = cu;
            if (owner != null) {
                String q = owner.qualifiedNames().get(d.rawOffset());
                if (q != null) return q;
            }
        }
        return inlined.nameInherited().orElse(null);
    }
}
