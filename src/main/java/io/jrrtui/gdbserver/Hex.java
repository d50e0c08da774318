package io.jrrtui.gdbserver;

import java.nio.charset.StandardCharsets;

/** Hex text as the remote protocol writes numbers, bytes and strings. */
final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {}

    static String bytes(byte[] b, int from, int len) {
        StringBuilder sb = new StringBuilder(len * 2);
        for (int i = from; i < from + len; i++) sb.append(DIGITS[(b[i] >> 4) & 15]).append(DIGITS[b[i] & 15]);
        return sb.toString();
    }

    static String bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    /** value as size little-endian bytes (register contents). */
    static String littleEndian(long value, int size) {
        StringBuilder sb = new StringBuilder(size * 2);
        for (int i = 0; i < size; i++) {
            int b = (int) (value >>> (8 * i)) & 0xff;
            sb.append(DIGITS[b >> 4]).append(DIGITS[b & 15]);
        }
        return sb.toString();
    }

    static String text(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeText(String hex) {
        return new String(decode(hex), StandardCharsets.UTF_8);
    }

    static byte[] decode(String hex) {
        if (hex.length() % 2 != 0) throw new NumberFormatException("odd hex length");
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        return out;
    }

    /** A number in the protocol's big-endian hex ("4011a6"). */
    static long number(String hex) {
        return Long.parseUnsignedLong(hex, 16);
    }
}
