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
    record Instance(long entryPc, Die die, CompileUnitSymbols unit) {}

    private final Map<String, List<Instance>> byName;

    private InlineIndex(Map<String, List<Instance>> byName) {
        this.byName = byName;
    }

    List<Instance> named(String name) {
        return byName.getOrDefault(name, List.of());
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
                            String n = c.nameInherited().orElse(null);
                            if (!rs.isEmpty() && n != null)
                                map.computeIfAbsent(n, k -> new ArrayList<>()).add(new Instance(ModuleSymbols.entryOf(rs), c, cu));
                        }
                        if (t == Dw.TAG_inlined_subroutine || t == Dw.TAG_lexical_block) stack.push(c);
                    }
                }
            }
        }
        return new InlineIndex(map);
    }
}
