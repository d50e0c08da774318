package io.jrrtui.debugger;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a (non -location) watchpoint depends on besides the watched memory itself, as gdb sees it:
 * {@code watch ptr->val} also watches {@code ptr}, so that when ptr changes the expression is
 * evaluated again and the watch follows it to its new address; and the names it uses, to tell a
 * watch on a local (deleted when its frame goes) from one on globals only.
 */
final class WatchedExpression {
    private static final Pattern NAME = Pattern.compile("(?<![.>\\w$])([A-Za-z_]\\w*)");

    private WatchedExpression() {}

    /**
     * The pointer-valued prefixes the expression dereferences: "a->b->c" gives "a" and "a->b",
     * "p[i].x" gives "p", "*q" gives "q". Only the shapes a person types at a watch command; anything
     * else has no dependencies and is watched at its address.
     */
    static List<String> dereferencedPrefixes(String expression) {
        String e = expression.strip();
        List<String> out = new ArrayList<>();
        if (e.startsWith("*") && !e.startsWith("**")) {
            String inner = strip(e.substring(1));
            if (!inner.isEmpty()) out.add(inner);
            return out;
        }
        int depth = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c == '(' ) depth++;
            else if (c == ')') depth--;
            else if (depth == 0 && (c == '[' || c == '-' && i + 1 < e.length() && e.charAt(i + 1) == '>')) {
                String prefix = e.substring(0, i).strip();
                if (!prefix.isEmpty() && !out.contains(prefix)) out.add(prefix);
                if (c == '[') depth++; // skip the index itself
            } else if (c == ']') {
                depth--;
            }
        }
        return out;
    }

    private static String strip(String s) {
        String t = s.strip();
        return t.startsWith("(") && t.endsWith(")") ? t.substring(1, t.length() - 1).strip() : t;
    }

    /** The identifiers the expression names (not member names after . or ->). */
    static List<String> names(String expression) {
        List<String> out = new ArrayList<>();
        Matcher m = NAME.matcher(expression);
        while (m.find()) if (!out.contains(m.group(1))) out.add(m.group(1));
        return out;
    }
}
