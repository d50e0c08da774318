package io.jrrtui.sysdecode;

/**
 * strace's C-string notation: printable ASCII as is, \" \\ \t \n \v \f \r escaped, other bytes in
 * octal (three digits when an octal digit follows), "..." after the quote when the data was cut.
 */
final class Quote {
    /** strace's default -s: how many bytes of a data buffer it shows. */
    static final int BUFFER_BYTES = 32;

    private Quote() {}

    static String string(byte[] b) {
        return quote(b, b.length, false, false);
    }

    /** A data buffer: at most BUFFER_BYTES shown, "..." when there is more. */
    static String buffer(byte[] b, long total) {
        int n = (int) Math.min(Math.min(b.length, total), BUFFER_BYTES);
        return quote(b, n, total > n, false);
    }

    /** Random or binary data strace shows in hex (getrandom). */
    static String hex(byte[] b, long total) {
        int n = (int) Math.min(Math.min(b.length, total), BUFFER_BYTES);
        return quote(b, n, total > n, true);
    }

    private static String quote(byte[] b, int n, boolean more, boolean hex) {
        StringBuilder sb = new StringBuilder(n + 8).append('"');
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (hex) {
                sb.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                continue;
            }
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case 0x0b -> sb.append("\\v");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        sb.append((char) c);
                    } else {
                        boolean digitNext = i + 1 < n && b[i + 1] >= '0' && b[i + 1] <= '7';
                        String oct = Integer.toOctalString(c);
                        sb.append('\\').append(digitNext ? "000".substring(oct.length()) + oct : oct);
                    }
                }
            }
        }
        sb.append('"');
        if (more) sb.append("...");
        return sb.toString();
    }
}
