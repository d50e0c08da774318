package io.jrrtui.repl;

import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * gdb's value history: every printed value gets the next {@code $N}; {@code $} is the last,
 * {@code $$} the one before, {@code $$N} N back from the last.
 */
public final class ValueHistory {
    /** $N, $$N, $$ and a lone $ — not $pc, $rip or other register/convenience names. */
    private static final Pattern REF = Pattern.compile("\\$(\\$?)(\\d{0,9})(?![A-Za-z_\\d])");
    private static final Pattern SCALAR = Pattern.compile("-?(0x[0-9a-fA-F]+|\\d+(\\.\\d+)?([eE][-+]?\\d+)?)");

    private final List<String> values = new ArrayList<>();

    /** Records a value, returning its number (1, 2, ...). */
    public synchronized int record(String value) {
        values.add(value);
        return values.size();
    }

    public synchronized int size() {
        return values.size();
    }

    /** The value of $N (1-based). */
    public synchronized String get(int n) {
        if (values.isEmpty()) throw new JrrException("History is empty.");
        if (n <= 0 || n > values.size()) throw new JrrException("History has not yet reached $" + n + ".");
        return values.get(n - 1);
    }

    /** The value a history reference names, or null when the text is not exactly one reference. */
    public synchronized String lookup(String expression) {
        Matcher m = REF.matcher(expression.strip());
        if (!m.matches()) return null;
        return get(number(m));
    }

    /**
     * The expression with history references replaced by their values, so that the session can
     * evaluate it; only numbers can be put back into an expression.
     */
    public synchronized String substitute(String expression) {
        Matcher m = REF.matcher(expression);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = get(number(m));
            String token = v.split(" ", 2)[0]; // "65 'A'" -> 65
            if (!SCALAR.matcher(token).matches()) {
                throw new JrrException("History value " + m.group() + " cannot be used inside an expression.");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement("(" + token + ")"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private int number(Matcher m) {
        boolean back = !m.group(1).isEmpty();
        String digits = m.group(2);
        if (!back) return digits.isEmpty() ? values.size() : Integer.parseInt(digits);
        int k = digits.isEmpty() ? 1 : Integer.parseInt(digits);
        return values.size() - k;
    }
}
