package io.jrrtui.util;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into whitespace-separated words, as {@code line.trim().split("\\s+", limit)} does,
 * without a regular expression. {@code String.split} compiles its pattern on every call; parsing
 * /proc files and the syscall table that way was a visible share of a short command's start-up
 * (the regex engine runs interpreted until compiled).
 */
public final class Words {
    private Words() {}

    /** All words of line; a blank line gives one empty word (as split does). */
    public static String[] split(String line) {
        return split(line, 0);
    }

    /**
     * At most limit words when limit > 0: the last one is the rest of the line from its first
     * character (inner whitespace kept, trailing whitespace trimmed), e.g. a file name in a maps line.
     */
    public static String[] split(String line, int limit) {
        String s = line.trim();
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            if (limit > 0 && words.size() == limit - 1) {
                words.add(s.substring(i));
                break;
            }
            int end = i;
            while (end < n && !isSpace(s.charAt(end))) end++;
            words.add(s.substring(i, end));
            i = end;
            while (i < n && isSpace(s.charAt(i))) i++;
        }
        if (words.isEmpty()) words.add("");
        return words.toArray(new String[0]);
    }

    /** The characters {@code \s} matches. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
