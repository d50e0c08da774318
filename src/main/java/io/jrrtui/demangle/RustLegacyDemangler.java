package io.jrrtui.demangle;

import java.util.Optional;

/**
 * Rust legacy mangling: an Itanium-style nested name {@code _ZN <len><ident>... E} whose last segment is
 * {@code 17h<16 hex digits>}, with {@code $..$} escapes for punctuation and {@code ..} for {@code ::}.
 */
final class RustLegacyDemangler {
    private static final int HASH_SEGMENT_LENGTH = 17;

    private RustLegacyDemangler() {
    }

    /** Empty when {@code sym} is not a Rust legacy name (the caller then tries C++). */
    static Optional<String> demangle(String sym, boolean verbose) {
        if (!sym.startsWith("_ZN") || !sym.endsWith("E")) {
            return Optional.empty();
        }
        int end = sym.length() - 1;
        if (end < 3 + 19 || !sym.startsWith("17h", end - 19) || !isHex(sym, end - 16, end)) {
            return Optional.empty();
        }
        for (int i = 3; i < end; i++) {
            char c = sym.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '_' && c != '$' && c != '.' && c != ':') {
                return Optional.empty();
            }
        }
        StringBuilder out = new StringBuilder();
        int pos = 3;
        while (pos < end) {
            int len = 0;
            int digits = pos;
            while (pos < end && Character.isDigit(sym.charAt(pos))) {
                len = len * 10 + (sym.charAt(pos++) - '0');
                if (len > end) {
                    return Optional.empty();
                }
            }
            if (pos == digits || len == 0 || pos + len > end) {
                return Optional.empty();
            }
            String ident = sym.substring(pos, pos + len);
            pos += len;
            boolean isHash = pos == end && len == HASH_SEGMENT_LENGTH;
            if (isHash && !verbose) {
                break;
            }
            if (out.length() > 0) {
                out.append("::");
            }
            if (!unescape(ident, out)) {
                return Optional.empty();
            }
        }
        return Optional.of(out.toString());
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Appends {@code ident} with its escapes decoded; false on an unknown escape. */
    private static boolean unescape(String ident, StringBuilder out) {
        int i = ident.startsWith("_$") ? 1 : 0;
        while (i < ident.length()) {
            char c = ident.charAt(i);
            if (c == '.') {
                boolean pair = i + 1 < ident.length() && ident.charAt(i + 1) == '.';
                out.append(pair ? "::" : ".");
                i += pair ? 2 : 1;
            } else if (c == '$') {
                int close = ident.indexOf('$', i + 1);
                if (close < 0) {
                    return false;
                }
                String code = ident.substring(i + 1, close);
                String decoded = escape(code);
                if (decoded == null) {
                    return false;
                }
                out.append(decoded);
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return true;
    }

    private static String escape(String code) {
        switch (code) {
            case "SP": return "@";
            case "BP": return "*";
            case "RF": return "&";
            case "LT": return "<";
            case "GT": return ">";
            case "LP": return "(";
            case "RP": return ")";
            case "C": return ",";
            default:
                break;
        }
        if (code.length() >= 2 && code.length() <= 7 && code.charAt(0) == 'u' && isHex(code, 1, code.length())) {
            int cp = Integer.parseInt(code.substring(1), 16);
            return Character.isValidCodePoint(cp) && !Character.isISOControl(cp) ? new String(Character.toChars(cp)) : null;
        }
        return null;
    }
}
