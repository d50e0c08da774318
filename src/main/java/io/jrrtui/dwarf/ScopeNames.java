package io.jrrtui.dwarf;

/**
 * Names qualified by their enclosing scopes ({@code geo::Circle}, {@code sym_rust::Shape}), found
 * through the DIE's namespace, structure, class, union and enumeration parents.
 */
public final class ScopeNames {
    private static final int MAX_DEPTH = 32;

    private ScopeNames() {}

    public static String qualify(Die d, String name) {
        StringBuilder prefix = new StringBuilder();
        Die p = d.enclosing().orElse(null);
        for (int i = 0; i < MAX_DEPTH && p != null && isScope(p.tag()); i++) {
            prefix.insert(0, p.name().orElse(p.tag() == Dw.TAG_namespace ? "(anonymous namespace)" : "?") + "::");
            p = p.enclosing().orElse(null);
        }
        return prefix + name;
    }

    private static boolean isScope(int tag) {
        return tag == Dw.TAG_namespace || tag == Dw.TAG_structure_type || tag == Dw.TAG_class_type
                || tag == Dw.TAG_union_type || tag == Dw.TAG_enumeration_type;
    }
}
