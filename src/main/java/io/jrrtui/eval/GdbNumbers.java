package io.jrrtui.eval;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number formatting as gdb does it: C's {@code %g} with 9 (float) or 17 (double) significant digits. */
public final class GdbNumbers {
    private GdbNumbers() {}

    public static String floating(double v, int sizeBytes) {
        if (Double.isNaN(v)) return (Double.doubleToRawLongBits(v) < 0 ? "-" : "") + "nan(0x" + Long.toHexString(Double.doubleToRawLongBits(v) & 0xfffffffffffffL) + ")";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        int digits = sizeBytes == 4 ? 9 : sizeBytes == 8 ? 17 : 18;
        if (sizeBytes == 4) return percentG(new BigDecimal(Float.toString((float) v)).compareTo(BigDecimal.ZERO) == 0 && v != 0 ? new BigDecimal(v) : new BigDecimal((double) (float) v), digits, v);
        return percentG(new BigDecimal(v), digits, v);
    }

    /** C's %.{p}g of an exact binary value. */
    static String percentG(BigDecimal exact, int p, double original) {
        if (exact.signum() == 0) return (1 / original < 0) ? "-0" : "0";
        BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
        int x = r.precision() - r.scale() - 1; // decimal exponent of the leading digit
        String s;
        if (x < -4 || x >= p) {
            BigDecimal mant = r.movePointLeft(x);
            String m = stripZeros(mant.setScale(p - 1, RoundingMode.HALF_EVEN).toPlainString());
            String e = String.valueOf(Math.abs(x));
            if (e.length() < 2) e = "0" + e;
            s = m + "e" + (x < 0 ? "-" : "+") + e;
        } else {
            s = stripZeros(r.setScale(Math.max(0, p - 1 - x), RoundingMode.HALF_EVEN).toPlainString());
        }
        return s;
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        if (s.charAt(end - 1) == '.') end--;
        return s.substring(0, end);
    }

    /** A character literal body as gdb escapes it inside quotes. */
    public static String escapeChar(int c, char quote) {
        c &= 0xff;
        switch (c) {
            case 7: return "\\a";
            case 8: return "\\b";
            case 9: return "\\t";
            case 10: return "\\n";
            case 11: return "\\v";
            case 12: return "\\f";
            case 13: return "\\r";
            case 27: return "\\033";
            case '\\': return "\\\\";
            default:
                if (c == quote) return "\\" + quote;
                if (c >= 32 && c < 127) return String.valueOf((char) c);
                return String.format("\\%03o", c);
        }
    }
}
