package io.jrrtui.dap;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a value as {@code print} shows it ("{a = 1, b = {c = 2}, s = \"x, y\"}", "{1, 2, 3}") into
 * its members, so editors can expand it; the leaves keep print's text. An unstructured value
 * (number, pointer, string) has no members.
 */
final class ValueText {
    /** One member: its name ("a", "[2]") and its value text. */
    record Member(String name, String value) {}

    private ValueText() {}

    static boolean structured(String value) {
        return value != null && value.length() >= 2 && value.startsWith("{") && value.endsWith("}");
    }

    /**
     * Whether print's text is a non-null data pointer ("0x7ffe...", "(struct p *) 0x7ffe..."); a
     * pointer shown with a symbol or string after it (code, char *) is a leaf.
     */
    static boolean pointer(String value) {
        return value != null && value.matches("(\\([^()]*\\*\\) )?0x[0-9a-f]+") && !value.matches(".*0x0+");
    }

    static List<Member> members(String value) {
        if (!structured(value)) return List.of();
        List<Member> out = new ArrayList<>();
        int index = 0;
        for (String item : topLevelItems(value.substring(1, value.length() - 1))) {
            int eq = assignment(item);
            if (eq > 0) out.add(new Member(item.substring(0, eq).trim(), item.substring(eq + 3).trim()));
            else out.add(new Member("[" + index + "]", item.trim()));
            index++;
        }
        return out;
    }

    /** The index of " = " after a member name or designator ("x", "[3]", "std::y") at the start, else -1. */
    private static int assignment(String item) {
        int eq = item.indexOf(" = ");
        if (eq <= 0) return -1;
        String name = item.substring(0, eq).trim();
        return name.matches("[A-Za-z_$][\\w:$<>]*|\\[\\d+]") ? eq : -1;
    }

    /** Splits at commas outside braces, brackets, parentheses, angle brackets and quotes. */
    private static List<String> topLevelItems(String s) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
                continue;
            }
            switch (c) {
                case '"', '\'' -> quote = c;
                case '{', '[', '(', '<' -> depth++;
                case '}', ']', ')', '>' -> depth = Math.max(0, depth - 1);
                case ',' -> {
                    if (depth == 0) {
                        items.add(s.substring(start, i));
                        start = i + 1;
                    }
                }
                default -> { }
            }
        }
        if (!s.substring(start).isBlank()) items.add(s.substring(start));
        return items;
    }

    /** How to print a member again on its own: "p.x", "arr[2]" (null when the parent has no expression). */
    static String memberExpression(String parent, String member) {
        if (parent == null) return null;
        if (member.startsWith("[")) return "(" + parent + ")" + member;
        return "(" + parent + ")." + member;
    }
}
