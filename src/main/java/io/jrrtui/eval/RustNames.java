package io.jrrtui.eval;

import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;

/** Rust type names are qualified by their module path, found through the DIE's namespace parents. */
final class RustNames {
    private RustNames() {}

    static String qualify(Die d, String name) {
        StringBuilder prefix = new StringBuilder();
        Die p = d.parent().orElse(null);
        for (int i = 0; i < 32 && p != null && p.tag() == Dw.TAG_namespace; i++) {
            prefix.insert(0, p.name().orElse("?") + "::");
            p = p.parent().orElse(null);
        }
        return prefix + name;
    }
}
