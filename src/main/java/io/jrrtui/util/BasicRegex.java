package io.jrrtui.util;

/** gdb's regular expressions (info functions, rbreak...): POSIX basic ones, written as Java patterns. */
public final class BasicRegex {
    private BasicRegex() {}

    /**
     * gdb compiles these regular expressions as POSIX basic ones: {@code ( ) | { } + ?} are
     * literal characters and their backslashed forms the operators (GNU's {@code \|}, {@code \+},
     * {@code \?}). The Java pattern that means the same; bracket expressions pass unchanged.
     */
    public static String toJava(String bre) {
        StringBuilder sb = new StringBuilder();
        boolean inBracket = false;
        for (int i = 0; i < bre.length(); i++) {
            char ch = bre.charAt(i);
            if (inBracket) {
                if (ch == ']' && bre.charAt(i - 1) != '[' && !(bre.charAt(i - 1) == '^' && bre.charAt(i - 2) == '[')) inBracket = false;
                sb.append(ch == '[' || ch == '&' || ch == '\\' ? "\\" + ch : String.valueOf(ch));
                continue;
            }
            if (ch == '[') {
                inBracket = true;
                sb.append(ch);
            } else if (ch == '\\' && i + 1 < bre.length()) {
                char next = bre.charAt(++i);
                sb.append("()|{}+?".indexOf(next) >= 0 ? String.valueOf(next) : "\\" + next);
            } else if ("()|{}+?".indexOf(ch) >= 0) {
                sb.append('\\').append(ch);
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }
}
