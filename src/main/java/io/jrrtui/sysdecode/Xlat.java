package io.jrrtui.sysdecode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A table of named constants, formatted as strace does: {@link #value} for one-of values ("SEEK_SET",
 * unknown ones as "0x7 /* SEEK_??? *&#47;"), {@link #flags} for bit sets ("O_CREAT|O_TRUNC", leftover
 * bits in hex, zero as {@code zeroName} or "0").
 */
final class Xlat {
    private final Map<Long, String> names = new LinkedHashMap<>();
    private final String prefix;

    private Xlat(String prefix, Object... pairs) {
        this.prefix = prefix;
        for (int i = 0; i < pairs.length; i += 2) names.put(((Number) pairs[i]).longValue(), (String) pairs[i + 1]);
    }

    /** Pairs of (Number value, String name), in the order strace prints flags. */
    static Xlat of(String prefix, Object... pairs) {
        return new Xlat(prefix, pairs);
    }

    String value(long v) {
        String n = names.get(v);
        return n != null ? n : "0x" + Long.toHexString(v) + " /* " + prefix + "??? */";
    }

    /** The name, or null when v has none. */
    String nameOrNull(long v) {
        return names.get(v);
    }

    String flags(long v, String zeroName) {
        if (v == 0) return zeroName != null ? zeroName : "0";
        StringBuilder sb = new StringBuilder();
        long left = v;
        for (Map.Entry<Long, String> e : names.entrySet()) {
            long bits = e.getKey();
            if (bits != 0 && (left & bits) == bits) {
                sb.append(sb.length() > 0 ? "|" : "").append(e.getValue());
                left &= ~bits;
            }
        }
        if (left != 0) sb.append(sb.length() > 0 ? "|" : "").append("0x").append(Long.toHexString(left));
        return sb.toString();
    }
}
