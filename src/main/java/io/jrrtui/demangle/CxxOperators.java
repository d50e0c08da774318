package io.jrrtui.demangle;

import java.util.HashMap;
import java.util.Map;

/** The two-letter operator codes of the Itanium ABI, with their spelling and arity. */
final class CxxOperators {
    private static final Map<String, String> NAMES = new HashMap<>();
    private static final Map<String, Integer> ARITY = new HashMap<>();

    static {
        String[] table = {
            "nw", "new", "3", "na", "new[]", "3", "dl", "delete", "1", "da", "delete[]", "1",
            "ps", "+", "1", "ng", "-", "1", "ad", "&", "1", "de", "*", "1", "co", "~", "1",
            "pl", "+", "2", "mi", "-", "2", "ml", "*", "2", "dv", "/", "2", "rm", "%", "2",
            "an", "&", "2", "or", "|", "2", "eo", "^", "2", "aS", "=", "2", "pL", "+=", "2",
            "mI", "-=", "2", "mL", "*=", "2", "dV", "/=", "2", "rM", "%=", "2", "aN", "&=", "2",
            "oR", "|=", "2", "eO", "^=", "2", "ls", "<<", "2", "rs", ">>", "2", "lS", "<<=", "2",
            "rS", ">>=", "2", "eq", "==", "2", "ne", "!=", "2", "lt", "<", "2", "gt", ">", "2",
            "le", "<=", "2", "ge", ">=", "2", "ss", "<=>", "2", "nt", "!", "1", "aa", "&&", "2",
            "oo", "||", "2", "pp", "++", "1", "mm", "--", "1", "cm", ",", "2", "pm", "->*", "2",
            "pt", "->", "2", "cl", "()", "2", "ix", "[]", "2", "qu", "?", "3", "st", "sizeof ", "1",
            "sz", "sizeof ", "1", "at", "alignof ", "1", "az", "alignof ", "1", "aw", "co_await", "1",
        };
        for (int i = 0; i < table.length; i += 3) {
            NAMES.put(table[i], table[i + 1]);
            ARITY.put(table[i], Integer.parseInt(table[i + 2]));
        }
    }

    private CxxOperators() {
    }

    /** The spelling after "operator" for {@code code}, or null when unknown. */
    static String name(String code) {
        String n = NAMES.get(code);
        return n == null ? null : n.strip();
    }

    /** Number of operands in an expression, or 0 when {@code code} is no operator. */
    static int arity(String code) {
        return ARITY.getOrDefault(code, 0);
    }
}
