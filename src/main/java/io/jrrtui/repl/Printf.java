package io.jrrtui.repl;

import io.jrrtui.api.DebugSession;
import io.jrrtui.util.JrrException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * gdb's {@code printf "FORMAT", ARG...}: C's conversions applied to values of the replayed program,
 * with gdb's conversions of the arguments (an int for %d without 'l', the bits of an integer as a
 * float of its size for %f, a NUL-terminated string read from memory for %s) and its error words.
 */
final class Printf {
    /** %[flags][width][.precision][length]conversion */
    private static final Pattern SPEC = Pattern.compile("%([-+ #0]*)(\\d*)(?:\\.(\\d*))?(hh|h|ll|l|L|z|j|t)?(.)", Pattern.DOTALL);
    /** The longest string %s reads: a pointer to something that is not a string ends somewhere. */
    private static final int MAX_STRING = 64 * 1024;

    private final DebugSession session;
    private final UnaryOperator<String> substitute;

    /** substitute replaces $N value-history references in an argument (ValueHistory.substitute). */
    Printf(DebugSession session, UnaryOperator<String> substitute) {
        this.session = session;
        this.substitute = substitute;
    }

    String format(String args) {
        String text = args.strip();
        if (text.isEmpty()) throw new JrrException("Argument required (format-control string and values to print).");
        if (!text.startsWith("\"")) throw new JrrException("Bad format string, missing '\"'.");
        int close = closingQuote(text, 1);
        if (close < 0) throw new JrrException("Bad format string, non-terminated '\"'.");
        String fmt = unescape(text.substring(1, close));
        String rest = text.substring(close + 1).strip();
        List<String> values = new ArrayList<>();
        if (!rest.isEmpty()) {
            if (!rest.startsWith(",")) throw new JrrException("Invalid argument syntax");
            values = splitArguments(rest.substring(1));
        }
        StringBuilder out = new StringBuilder();
        Matcher m = SPEC.matcher(fmt);
        int at = 0, arg = 0;
        List<Object[]> specs = new ArrayList<>();
        while (m.find(at)) {
            specs.add(new Object[] {m.start(), m.end(), m.group(1), m.group(2), m.group(3), m.group(4), m.group(5).charAt(0)});
            at = m.end();
        }
        long needed = specs.stream().filter(s -> (char) s[6] != '%').count();
        for (Object[] s : specs) {
            char conv = (char) s[6];
            if ("diouxXcsfeEgGp%".indexOf(conv) < 0) throw new JrrException("Unrecognized format specifier '" + conv + "' in printf");
        }
        if (needed != values.size()) throw new JrrException("Wrong number of arguments for specified format-string");
        at = 0;
        for (Object[] s : specs) {
            out.append(fmt, at, (int) s[0]);
            at = (int) s[1];
            char conv = (char) s[6];
            if (conv == '%') {
                out.append('%');
                continue;
            }
            String flags = (String) s[2], width = (String) s[3], precision = (String) s[4], length = (String) s[5];
            out.append(convert(values.get(arg++), flags, width, precision, length, conv));
        }
        return out.append(fmt.substring(at)).toString();
    }

    private String convert(String expr, String flags, String width, String precision, String length, char conv) {
        String spec = "%" + flags + width + (precision != null ? "." + (precision.isEmpty() ? "0" : precision) : "");
        switch (conv) {
            case 'd', 'i', 'u', 'o', 'x', 'X', 'c' -> {
                boolean wide = length != null && !length.startsWith("h");
                BigInteger v = integer(expr).mod(BigInteger.ONE.shiftLeft(wide ? 64 : 32));
                if (conv == 'c') return String.format("%" + flags.replace("0", "") + width + "c", (char) (v.intValue() & 0xff));
                boolean signed = conv == 'd' || conv == 'i';
                if (signed && v.testBit(wide ? 63 : 31)) v = v.subtract(BigInteger.ONE.shiftLeft(wide ? 64 : 32));
                return cInteger(v, flags, width, precision, conv);
            }
            case 'p' -> {
                BigInteger v = integer(expr).mod(BigInteger.ONE.shiftLeft(64));
                return String.format("%" + flags.replace("0", "") + width + "s", v.signum() == 0 ? "(nil)" : "0x" + v.toString(16));
            }
            case 's' -> {
                String str = string(expr);
                return String.format("%" + flags.replace("0", "") + width + (precision != null ? "." + precision : "") + "s", str);
            }
            default -> {
                double d = floating(expr);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    String word = Double.isNaN(d) ? "nan" : d > 0 ? (flags.contains("+") ? "+inf" : "inf") : "-inf";
                    return String.format("%" + flags.replace("0", "").replace("+", "").replace("#", "") + width + "s",
                            Character.isUpperCase(conv) ? word.toUpperCase() : word);
                }
                if (conv == 'g' || conv == 'G') return general(d, spec, precision, flags, conv);
                return String.format(spec + conv, d);
            }
        }
    }

    /** C's %d/%u/%o/%x with its flags; Java's formatter has them except precision (minimum digits) on integers. */
    private static String cInteger(BigInteger v, String flags, String width, String precision, char conv) {
        int radix = conv == 'o' ? 8 : conv == 'x' || conv == 'X' ? 16 : 10;
        String digits = v.abs().toString(radix);
        if (conv == 'X') digits = digits.toUpperCase();
        if (precision != null) {
            int p = precision.isEmpty() ? 0 : Integer.parseInt(precision);
            if (p == 0 && v.signum() == 0) digits = "";
            while (digits.length() < p) digits = "0" + digits;
        }
        String prefix = v.signum() < 0 ? "-" : flags.contains("+") && radix == 10 ? "+" : flags.contains(" ") && radix == 10 ? " " : "";
        if (flags.contains("#") && v.signum() != 0) {
            if (radix == 16) prefix += conv == 'X' ? "0X" : "0x";
            if (radix == 8 && !digits.startsWith("0")) digits = "0" + digits;
        }
        int w = width.isEmpty() ? 0 : Integer.parseInt(width);
        int pad = w - prefix.length() - digits.length();
        if (pad <= 0) return prefix + digits;
        if (flags.contains("-")) return prefix + digits + " ".repeat(pad);
        if (flags.contains("0") && precision == null) return prefix + "0".repeat(pad) + digits;
        return " ".repeat(pad) + prefix + digits;
    }

    /** C's %g: %e or %f by the exponent, trailing zeros dropped unless '#'. */
    private static String general(double d, String spec, String precision, String flags, char conv) {
        int p = precision == null ? 6 : precision.isEmpty() ? 0 : Integer.parseInt(precision);
        if (p == 0) p = 1;
        int x = d == 0 ? 0 : new BigDecimal(d).round(new MathContext(p)).precision()
                - new BigDecimal(d).round(new MathContext(p)).scale() - 1;
        String body = spec.substring(0, spec.indexOf('.') < 0 ? spec.length() : spec.indexOf('.'));
        String s;
        if (x < -4 || x >= p) s = String.format(body + "." + (p - 1) + (conv == 'G' ? "E" : "e"), d);
        else s = String.format(body + "." + Math.max(0, p - 1 - x) + "f", d);
        if (!flags.contains("#")) s = stripZeros(s);
        return s;
    }

    /** Drops the trailing zeros of the fraction (and a bare point), keeping any exponent and padding width. */
    private static String stripZeros(String s) {
        String t = s.strip();
        int e = Math.max(t.indexOf('e'), t.indexOf('E'));
        String mant = e >= 0 ? t.substring(0, e) : t, exp = e >= 0 ? t.substring(e) : "";
        if (mant.contains(".")) {
            mant = mant.replaceAll("0+$", "");
            if (mant.endsWith(".")) mant = mant.substring(0, mant.length() - 1);
        }
        String r = mant + exp;
        if (r.length() >= s.length()) return r;
        return s.startsWith(" ") ? " ".repeat(s.length() - r.length()) + r : r + " ".repeat(s.length() - r.length());
    }

    private BigInteger integer(String expr) {
        String v = session.print(substitute.apply(expr), "d").strip();
        if (!v.matches("-?\\d+")) throw new JrrException("Value can't be converted to integer.");
        return new BigInteger(v);
    }

    /** A value for %f: a float as it is; an integer's bits as the float of its size, as gdb does. */
    private double floating(String expr) {
        String e = substitute.apply(expr);
        String natural = session.print(e, null).strip();
        String first = natural.split("\\s+")[0];
        if (first.matches("-?(\\d+\\.\\d*(e[-+]?\\d+)?|\\d+e[-+]?\\d+|inf|nan(\\(0x[0-9a-f]+\\))?)")) {
            return first.startsWith("nan") || first.startsWith("-nan") ? Double.NaN
                    : first.equals("inf") ? Double.POSITIVE_INFINITY : first.equals("-inf") ? Double.NEGATIVE_INFINITY
                    : Double.parseDouble(first);
        }
        if (!first.matches("-?\\d+")) throw new JrrException("Value can't be converted to float.");
        int size = Integer.parseInt(session.print("sizeof(" + e + ")", "d").strip());
        BigInteger bits = integer(expr);
        if (size == 4) return Float.intBitsToFloat(bits.intValue());
        if (size == 8) return Double.longBitsToDouble(bits.longValue());
        return bits.doubleValue();
    }

    /** %s: a string literal as written, else the NUL-terminated bytes at the pointer or array. */
    private String string(String expr) {
        String e = expr.strip();
        if (e.startsWith("\"") && closingQuote(e, 1) == e.length() - 1) return unescape(e.substring(1, e.length() - 1));
        String addr = session.print("(unsigned long)(" + substitute.apply(e) + ")", "x").strip();
        if (!addr.matches("0x[0-9a-f]+")) throw new JrrException("Value can't be converted to integer.");
        long address = Long.parseUnsignedLong(addr.substring(2), 16);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        while (bytes.size() < MAX_STRING) {
            byte[] chunk;
            long at = address + bytes.size();
            try {
                chunk = session.readMemory(at, 64);
            } catch (RuntimeException ex) {
                try {
                    chunk = session.readMemory(at, 1); // the string may end just before unmapped memory
                } catch (RuntimeException again) {
                    throw new JrrException("Cannot access memory at address 0x" + Long.toHexString(at));
                }
            }
            for (byte b : chunk) {
                if (b == 0) return bytes.toString(StandardCharsets.UTF_8);
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int closingQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') i++;
            else if (s.charAt(i) == '"') return i;
        }
        return -1;
    }

    /** Arguments split at the commas outside brackets and quotes. */
    static List<String> splitArguments(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '"' || ch == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != ch) j += s.charAt(j) == '\\' ? 2 : 1;
                i = j;
            } else if (ch == '(' || ch == '[') {
                depth++;
            } else if (ch == ')' || ch == ']') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(s.substring(start).strip());
        return out;
    }

    /** C's escapes in the format: \n \t \" \\ \a \b \f \r \v \e and octal. */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != '\\' || i + 1 == s.length()) {
                sb.append(ch);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'a' -> sb.append('\007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'r' -> sb.append('\r');
                case 'v' -> sb.append('\013');
                case 'e' -> sb.append('\033');
                default -> {
                    if (n >= '0' && n <= '7') {
                        int j = i, v = 0;
                        while (j < s.length() && j < i + 3 && s.charAt(j) >= '0' && s.charAt(j) <= '7') v = v * 8 + s.charAt(j++) - '0';
                        sb.append((char) v);
                        i = j - 1;
                    } else {
                        sb.append(n); // \" \\ and any other character stand for themselves
                    }
                }
            }
        }
        return sb.toString();
    }
}
