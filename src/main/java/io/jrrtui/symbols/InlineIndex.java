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

/** Every inlined instance of every function, by the inlined function's name (for {@code break FUNC}). */
final class InlineIndex {
    /** One inlined copy: its entry pc (unbiased) and the DIE. */
    record Instance(long entryPc, String name, Die die, CompileUnitSymbols unit) {}

    private final Map<String, List<Instance>> byName;

    private InlineIndex(Map<String, List<Instance>> byName) {
        this.byName = byName;
    }

    /** Inlined copies whose qualified name matches a user's (possibly unqualified) function name. */
    List<Instance> matching(String name) {
        int i = name.lastIndexOf("::");
        String simple = i < 0 ? name : name.substring(i + 2);
        List<Instance> out = new ArrayList<>();
        for (Instance in : byName.getOrDefault(simple, List.of())) {
            if (BreakpointResolver.qualifiedMatches(in.name(), name)) out.add(in);
        }
        return out;
    }

    /** The namespace-qualified name of an inlined copy, from its abstract origin's declaration. */
    private static String qualifiedName(Die inlined, List<CompileUnitSymbols> units) {
        Die d = inlined;
        for (int i = 0; i < 8; i++) {
            java.util.Optional<Die> o = d.origin();
            if (o.isEmpty()) break;
            d = o.get();
            for (CompileUnitSymbols cu : units) {
                if (cu.unit() == d.unit()) {
                    String q = cu.qualifiedNames().get(d.rawOffset());
                    if (q != null) return q;
                }
            }
        }
        return inlined.nameInherited().orElse(null);
    }

    private static String simpleOf(String q) {
        int i = q.lastIndexOf("::");
        return i < 0 ? q : q.substring(i + 2);
    }

    static InlineIndex build(List<CompileUnitSymbols> units) {
        Map<String, List<Instance>> map = new HashMap<>();
        for (CompileUnitSymbols cu : units) {
            for (FunctionInfo f : cu.functions()) {
                if (f.die().isEmpty()) continue;
                Deque<Die> stack = new ArrayDeque<>();
                stack.push(f.die().get());
                int budget = 1_000_000;
                while (!stack.isEmpty() && budget-- > 0) {
                    Die d = stack.pop();
                    for (Die c : d.children()) {
                        int t = c.tag();
                        if (t == Dw.TAG_inlined_subroutine) {
                            List<AddressRange> rs = c.ranges();
                            String n = qualifiedName(c, units);
                            if (!rs.isEmpty() && n != null && ModuleSymbols.entryOf(rs) != 0)
                                map.computeIfAbsent(simpleOf(n), k -> new ArrayList<>()).add(new Instance(ModuleSymbols.entryOf(rs), n, c, cu));
                        }
                        if (t == Dw.TAG_inlined_subroutine || t == Dw.TAG_lexical_block) stack.push(c);
                    }
                }
            }
        }
        return new InlineIndex(map);
    }
}
