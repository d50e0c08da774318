package io.jrrtui.eval;

import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;
import java.util.ArrayList;
import java.util.List;

/**
 * The order in which gdb lists the symbols of a nested (non-function) block: such blocks keep
 * their symbols in a hash table of {@code count/5 + 1} buckets, walked bucket by bucket, each
 * bucket in declaration order. The hash is gdb's symbol-name hash (case-folded, Ada-aware).
 * Function blocks keep declaration order and do not come here.
 */
final class GdbBlockOrder {
    private GdbBlockOrder() {}

    static List<Variable> hashed(List<Variable> vars, int symbolCount) {
        int buckets = Math.max(1, symbolCount / 5 + 1);
        List<List<Variable>> table = new ArrayList<>();
        for (int i = 0; i < buckets; i++) table.add(new ArrayList<>());
        for (Variable v : vars) table.get((int) Long.remainderUnsigned(nameHash(v.name()) & 0xffffffffL, buckets)).add(v);
        List<Variable> out = new ArrayList<>();
        for (List<Variable> b : table) out.addAll(b);
        return out;
    }

    /** Symbols gdb creates for a block: variables, named types, enumerators, labels. */
    static int symbolCount(Die block) {
        int n = 0;
        for (Die c : block.children()) {
            switch (c.tag()) {
                case Dw.TAG_variable: case Dw.TAG_typedef: case Dw.TAG_label: case Dw.TAG_subprogram:
                case Dw.TAG_structure_type: case Dw.TAG_union_type: case Dw.TAG_class_type:
                    if (c.nameInherited().isPresent()) n++;
                    break;
                case Dw.TAG_enumeration_type:
                    if (c.name().isPresent()) n++;
                    for (Die e : c.children()) if (e.tag() == Dw.TAG_enumerator) n++;
                    break;
                default:
                    break;
            }
        }
        return n;
    }

    private static int step(int hash, char c) {
        return hash * 67 + Character.toLowerCase(c) - 113;
    }

    /** gdb's hash of a name ignoring spaces, up to a parenthesis. */
    private static int plainHash(String s) {
        int h = 0;
        for (int i = 0; i < s.length() && s.charAt(i) != '('; i++) {
            if (s.charAt(i) != ' ') h = step(h, s.charAt(i));
        }
        return h;
    }

    /**
     * gdb's default symbol search-name hash: Ada-encoded names ({@code pkg__name}, {@code X}/{@code $}/
     * {@code .} suffixes, {@code _ada_} prefix) hash to their last component.
     */
    static int nameHash(String name) {
        int start = 0;
        if (name.startsWith("_")) {
            if (!name.startsWith("_ada_")) return plainHash(name);
            start = 5;
        }
        int h = 0;
        for (int i = start; i < name.length(); ) {
            char c = name.charAt(i);
            if (name.startsWith("TKB", i) && i + 3 == name.length()) return h;
            if (c == '$' || c == '.' || c == 'X') return i == 0 ? plainHash(name) : h;
            if (c == ' ' || c == '(') return plainHash(name);
            if (c == '_' && i + 1 < name.length() && name.charAt(i + 1) == '_' && i != 0) {
                char d = i + 2 < name.length() ? name.charAt(i + 2) : 0;
                if ((d < 'a' || d > 'z') && d != 'O') return h;
                h = 0;
                i += 2;
                continue;
            }
            h = step(h, c);
            i++;
        }
        return h;
    }
}
