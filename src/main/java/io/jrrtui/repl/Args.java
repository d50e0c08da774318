package io.jrrtui.repl;

import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.List;

/** Small parsers for command arguments, failing with gdb's wording. */
final class Args {
    /** Bound on "N-M" ranges, so that "delete 1-2000000000" cannot build a huge list. */
    private static final int MAX_RANGE = 10_000;

    private Args() {}

    /** A repeat count: blank means dflt. */
    static int count(String args, int dflt) {
        String a = args.strip();
        if (a.isEmpty()) return dflt;
        return integer(a);
    }

    static int integer(String text) {
        String t = text.strip();
        if (!t.matches("-?\\d{1,9}")) throw new JrrException("Invalid number \"" + t + "\".");
        return Integer.parseInt(t);
    }

    static long event(String text) {
        String t = text.strip();
        if (t.isEmpty()) throw new JrrException("Argument required (event number).");
        if (!t.matches("\\d{1,18}")) throw new JrrException("Invalid event number \"" + t + "\".");
        return Long.parseLong(t);
    }

    /** "1 3 5-7" as numbers; blank is the empty list (meaning all). */
    static List<Integer> numbers(String args) {
        List<Integer> out = new ArrayList<>();
        for (String w : words(args)) {
            String[] range = w.split("-", -1);
            if (range.length == 2 && isNumber(range[0]) && isNumber(range[1])) {
                int lo = Integer.parseInt(range[0]);
                int hi = Integer.parseInt(range[1]);
                if (hi < lo) throw new JrrException("inverted range");
                if (hi - lo > MAX_RANGE) throw new JrrException("range too large: " + w);
                for (int i = lo; i <= hi; i++) out.add(i);
            } else if (isNumber(w)) {
                out.add(Integer.parseInt(w));
            } else {
                throw new JrrException("Args must be numbers or '$' variables.");
            }
        }
        return out;
    }

    static List<String> words(String args) {
        String a = args.strip();
        return a.isEmpty() ? List.of() : List.of(a.split("\\s+"));
    }

    static String require(String args, String message) {
        String a = args.strip();
        if (a.isEmpty()) throw new JrrException(message);
        return a;
    }

    /** Removes a leading keyword ("delete breakpoints 2" -> "2"); null when it is not there. */
    static String afterKeyword(String args, String keyword, int minPrefix) {
        String a = args.strip();
        int end = 0;
        while (end < a.length() && !Character.isWhitespace(a.charAt(end))) end++;
        String first = a.substring(0, end);
        if (first.length() >= minPrefix && keyword.startsWith(first)) return a.substring(end).strip();
        return null;
    }

    private static boolean isNumber(String s) {
        return s.matches("\\d{1,9}");
    }
}
