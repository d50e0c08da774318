package io.jrrtui.repl;

import io.jrrtui.util.JrrException;

/**
 * A parsed "/FMT" of print, display and x: count, format letter, size letter. {@link #spec()} is
 * the text without the slash, as the session's examine takes it.
 */
record PrintFormat(int count, String letter, String size, String spec) {
    static final PrintFormat NONE = new PrintFormat(1, null, null, "");
    private static final String LETTERS = "xduotacfsiz";
    private static final String SIZES = "bhwg";

    /** The format and the rest of the text, from arguments that may start with "/FMT". */
    record Split(PrintFormat format, String rest) {}

    static Split split(String args) {
        String a = args.strip();
        if (!a.startsWith("/")) return new Split(NONE, a);
        int end = 1;
        while (end < a.length() && !Character.isWhitespace(a.charAt(end))) end++;
        return new Split(parse(a.substring(1, end)), a.substring(end).strip());
    }

    static PrintFormat parse(String spec) {
        int i = 0;
        boolean negative = spec.startsWith("-");
        if (negative) i++;
        int digitsStart = i;
        while (i < spec.length() && Character.isDigit(spec.charAt(i))) i++;
        if (i - digitsStart > 9) throw new JrrException("Invalid number \"" + spec.substring(digitsStart, i) + "\".");
        int count = i > digitsStart ? Integer.parseInt(spec.substring(digitsStart, i)) : 1;
        if (negative) count = -count;
        String letter = null;
        String size = null;
        for (; i < spec.length(); i++) {
            char ch = spec.charAt(i);
            if (SIZES.indexOf(ch) >= 0) size = String.valueOf(ch);
            else if (LETTERS.indexOf(ch) >= 0) letter = String.valueOf(ch);
            else throw new JrrException("Undefined output format \"" + spec.substring(i) + "\".");
        }
        return new PrintFormat(count, letter, size, spec);
    }

    /** Formats that need a memory dump (x) rather than a value print. */
    boolean isMemory() {
        return "i".equals(letter) || "s".equals(letter) || size != null || count != 1;
    }

    /** Checks this format is one print accepts, in gdb's words. */
    PrintFormat forPrint(String command) {
        if (count != 1) throw new JrrException("Item count other than 1 is meaningless in \"" + command + "\" command.");
        if (size != null) throw new JrrException("Size letters are meaningless in \"" + command + "\" command.");
        if ("i".equals(letter)) throw new JrrException("Format letter \"i\" is meaningless in \"" + command + "\" command.");
        return this;
    }
}
