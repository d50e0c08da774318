package io.jrrtui.eval;

import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;

/** Rust type names are qualified by their module path, found through the DIE's namespace parents. */
final class RustNames {
    private RustNames() {}

    static String qualify(Die d, String name) {
        StringBuilder prefix = new StringBuilder();
        Die p = d.enclosing().orElse(null);
        for (int i = 0; i < 32 && p != null && (p.tag() == Dw.TAG_namespace || p.tag() == Dw.TAG_structure_type
                || p.tag() == Dw.TAG_enumeration_type || p.tag() == Dw.TAG_union_type); i++) {
            prefix.insert(0, p.name().orElse("?") + "::");
            p = p.enclosing().orElse(null);
        }
        return prefix + name;
    }
}
