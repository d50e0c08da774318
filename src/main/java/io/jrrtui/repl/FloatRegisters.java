package io.jrrtui.repl;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The x87, SSE and AVX registers of {@code info all-registers}, read from the FXSAVE/XSAVE image the
 * replay gives ({@code DebugSession.floatingPointRegisters}) and worded as gdb words them: st0-7 as
 * numbers with their raw bits, the control words in hex and decimal, mxcsr as flags, and each
 * vector register as gdb's union of lanes in hex. With AVX state the ymm registers replace the xmm
 * ones, as gdb shows them; with AVX-512 state the opmask registers k0-7 and zmm0-31 replace them in
 * turn (their XSAVE components at the standard, non-compacted offsets PTRACE_GETREGSET gives).
 */
final class FloatRegisters {
    /** FXSAVE: ST(i) at 32 + 16i (80 bits each), xmm i at 160 + 16i; XSAVE: xstate_bv, YMM_Hi128, XCR0 copy. */
    private static final int ST = 32, XMM = 160, XSTATE_BV = 512, YMM_HIGH = 576, XCR0 = 464;
    private static final long AVX512_BITS = 0xe0;
    /** XSAVE components 5-7 (opmask k0-7, the upper 256 bits of zmm0-15, zmm16-31 whole): offsets, -1 unknown. */
    private final int opmask, zmmHigh, hi16Zmm;
    /** gdb folds a run of equal elements longer than this into "<repeats N times>". */
    private static final int REPEAT_THRESHOLD = 10;
    /** gdb prints an 80-bit float with %.21Lg (its mantissa's 64 bits, as decimal digits, plus 2). */
    private static final MathContext LONG_DOUBLE_DIGITS = new MathContext(21);
    private static final String[] MXCSR_FLAGS = {"IE", "DE", "ZE", "OE", "UE", "PE", "DAZ", "IM", "DM", "ZM", "OM", "UM", "PM",
        null, null, "FZ"};

    /** The x87 rows (st0-7 and the eight control words) come first; the SSE/AVX ones follow. */
    static final int X87_ROWS = 16;

    private final ByteBuffer image;

    /** Whether name is one of the registers this class shows (some need AVX state to exist). */
    static boolean isName(String name) {
        return name.matches("st[0-7]|[xy]mm([0-9]|1[0-5])|zmm([0-9]|[12][0-9]|3[01])|k[0-7]|mxcsr|f(ctrl|stat|tag|iseg|ioff|oseg|ooff|op)");
    }

    /** image: FXSAVE's 512 bytes, optionally followed by the XSAVE header and extended state. */
    FloatRegisters(byte[] image) {
        this(image, n -> -1);
    }

    /** xsaveOffset: where XSAVE component n lies in image (the processor's layout), -1 when unknown. */
    FloatRegisters(byte[] image, java.util.function.IntUnaryOperator xsaveOffset) {
        this.image = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        this.opmask = xsaveOffset.applyAsInt(5);
        this.zmmHigh = xsaveOffset.applyAsInt(6);
        this.hi16Zmm = xsaveOffset.applyAsInt(7);
    }

    /** Whether the image has AVX state (XCR0 enables it, as ptrace copies XCR0 into FXSAVE's free bytes). */
    boolean hasAvx() {
        return image.capacity() >= YMM_HIGH + 256 && (image.getLong(XCR0) & 4) != 0;
    }

    /** Whether the image has AVX-512 state (XCR0 enables opmask, ZMM_Hi256 and Hi16_ZMM). */
    boolean hasAvx512() {
        return opmask > 0 && zmmHigh > 0 && hi16Zmm > 0 && image.capacity() >= Math.max(opmask + 64, Math.max(zmmHigh + 512, hi16Zmm + 1024))
                && (image.getLong(XCR0) & AVX512_BITS) == AVX512_BITS;
    }

    /**
     * The rows in gdb's order: name, then the text after its column (gdb's "%-15s" name column).
     * With AVX gdb lists ymm and hides xmm; everyVector keeps both, for "info registers xmm0".
     */
    List<String[]> rows(boolean everyVector) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String value = longDouble(ST + 16 * i);
            out.add(new String[] {"st" + i, padded(value) + "(raw 0x" + rawHex(ST + 16 * i, 10) + ")"});
        }
        int fiseg = image.getShort(12) & 0xffff, foseg = image.getShort(20) & 0xffff;
        long[] control = {image.getShort(0) & 0xffff, image.getShort(2) & 0xffff, io.jrrtui.arch.X87.fullTagWord(image), fiseg,
            image.getInt(8) & 0xffffffffL, foseg, image.getInt(16) & 0xffffffffL, image.getShort(6) & 0x7ff};
        String[] names = {"fctrl", "fstat", "ftag", "fiseg", "fioff", "foseg", "fooff", "fop"};
        for (int i = 0; i < names.length; i++) out.add(new String[] {names[i], integer(control[i])});
        boolean avx = hasAvx();
        if (!avx || everyVector) for (int i = 0; i < 16; i++) out.add(new String[] {"xmm" + i, vector(xmm(i))});
        long mxcsr = image.getInt(24) & 0xffffffffL;
        out.add(new String[] {"mxcsr", padded("0x" + Long.toHexString(mxcsr)) + mxcsrFlags(mxcsr)});
        boolean avx512 = avx && hasAvx512();
        if (avx && (!avx512 || everyVector)) for (int i = 0; i < 16; i++) out.add(new String[] {"ymm" + i, vector(ymm(i))});
        if (avx512) {
            // gdb: the opmask registers, then zmm0-31 in place of xmm and ymm
            for (int i = 0; i < 8; i++) out.add(new String[] {"k" + i, integer(component(5) ? image.getLong(opmask + 8 * i) : 0)});
            for (int i = 0; i < 32; i++) out.add(new String[] {"zmm" + i, vector(zmm(i))});
        }
        return out;
    }

    private static String padded(String s) {
        return String.format("%-19s ", s); // gdb: the value from column 15, the natural form from column 35
    }

    private static String integer(long v) {
        return padded("0x" + Long.toHexString(v)) + v;
    }

    private String rawHex(int offset, int bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = bytes - 1; i >= 0; i--) sb.append(String.format("%02x", image.get(offset + i) & 0xff));
        return sb.toString();
    }

    private byte[] xmm(int i) {
        byte[] b = new byte[16];
        image.get(XMM + 16 * i, b);
        return b;
    }

    /** xmm i and the upper half XSAVE keeps apart; a component whose xstate_bv bit is clear is zeros. */
    private byte[] ymm(int i) {
        byte[] b = new byte[32];
        image.get(XMM + 16 * i, b, 0, 16);
        if ((image.getLong(XSTATE_BV) & 4) != 0) image.get(YMM_HIGH + 16 * i, b, 16, 16);
        return b;
    }

    /** zmm i: ymm i and the upper 256 bits for 0-15, its own 64 bytes for 16-31; components not in use are zeros. */
    private byte[] zmm(int i) {
        byte[] b = new byte[64];
        if (i < 16) {
            System.arraycopy(ymm(i), 0, b, 0, 32);
            if (component(6)) image.get(zmmHigh + 32 * i, b, 32, 32);
        } else if (component(7)) {
            image.get(hi16Zmm + 64 * (i - 16), b, 0, 64);
        }
        return b;
    }

    /** Whether XSAVE component n holds state (xstate_bv); a clear bit means its initial state, zeros. */
    private boolean component(int n) {
        return (image.getLong(XSTATE_BV) & (1L << n)) != 0;
    }

    /** gdb's vector union: lanes of each width in hex (floats as their raw bits), then the whole as 128-bit lanes. */
    static String vector(byte[] bytes) {
        int n = bytes.length;
        String widest = n == 16 ? "uint128" : "v" + n / 16 + "_int128";
        String[][] views = {{"bfloat16", "2"}, {"half", "2"}, {"float", "4"}, {"double", "8"}, {"int8", "1"}, {"int16", "2"},
            {"int32", "4"}, {"int64", "8"}};
        StringBuilder sb = new StringBuilder("{");
        for (String[] v : views) {
            int size = Integer.parseInt(v[1]);
            sb.append('v').append(n / size).append('_').append(v[0]).append(" = ").append(lanes(bytes, size)).append(", ");
        }
        sb.append(widest).append(" = ").append(n == 16 ? lane(bytes, 0, 16) : lanes(bytes, 16));
        return sb.append('}').toString();
    }

    private static String lanes(byte[] bytes, int size) {
        List<String> items = new ArrayList<>();
        for (int off = 0; off < bytes.length; off += size) items.add(lane(bytes, off, size));
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < items.size();) {
            int run = 1;
            while (i + run < items.size() && items.get(i + run).equals(items.get(i))) run++;
            if (sb.length() > 1) sb.append(", ");
            if (run > REPEAT_THRESHOLD) {
                sb.append(items.get(i)).append(" <repeats ").append(run).append(" times>");
                i += run;
            } else {
                sb.append(items.get(i));
                i++;
            }
        }
        return sb.append('}').toString();
    }

    private static String lane(byte[] bytes, int off, int size) {
        byte[] big = new byte[size];
        for (int i = 0; i < size; i++) big[i] = bytes[off + size - 1 - i];
        return "0x" + new BigInteger(1, big).toString(16);
    }

    private static String mxcsrFlags(long v) {
        StringBuilder sb = new StringBuilder("[ ");
        for (int bit = 0; bit < MXCSR_FLAGS.length; bit++) {
            if ((v & (1L << bit)) != 0 && MXCSR_FLAGS[bit] != null) sb.append(MXCSR_FLAGS[bit]).append(' ');
        }
        return sb.append(']').toString();
    }

    /**
     * gdb's info float value of the 80-bit register at offset (print_i387_ext): a number as
     * " %-+27.19g" (and "Denormal"/"Pseudo-denormal" after it), infinities, NaNs and unsupported
     * encodings named.
     */
    String extended(int offset) {
        long mantissa = image.getLong(offset);
        int se = image.getShort(offset + 8) & 0xffff;
        boolean negative = (se & 0x8000) != 0, integer = mantissa < 0;
        int exponent = se & 0x7fff;
        long fraction = mantissa & Long.MAX_VALUE;
        if (exponent == 0x7fff && integer) {
            if (fraction == 0) return " " + (negative ? '-' : '+') + "Inf";
            if (negative && fraction == 1L << 62) return " Real Indefinite (QNaN)";
            return (fraction & (1L << 62)) != 0 ? " QNaN" : " SNaN";
        }
        if (exponent == 0 || exponent < 0x7fff && integer) {
            BigDecimal v = magnitude(mantissa, exponent);
            String digits = v.signum() == 0 ? "0" : generalFormat(v.round(EXTENDED_DIGITS), EXTENDED_DIGITS.getPrecision());
            String shown = String.format(" %-27s", (negative ? "-" : "+") + digits);
            if (exponent == 0 && integer) return shown + " Pseudo-denormal";
            if (exponent == 0 && fraction != 0) return shown + " Denormal";
            return shown;
        }
        return " Unsupported";
    }

    private static final MathContext EXTENDED_DIGITS = new MathContext(19);

    /** The exact value of an 80-bit register's mantissa and biased exponent (sign aside). */
    private static BigDecimal magnitude(long mantissa, int exponent) {
        BigDecimal value = new BigDecimal(new BigInteger(Long.toUnsignedString(mantissa)));
        int power = (exponent == 0 ? 1 : exponent) - 16383 - 63;
        return power >= 0 ? value.multiply(new BigDecimal(BigInteger.TWO.pow(power)))
                : value.divide(new BigDecimal(BigInteger.TWO.pow(-power))); // exact: a power of two divides finitely
    }

    /** An 80-bit x87 value as gdb prints it (%.21Lg; inf, nan(0xMANTISSA), invalid encodings named). */
    String longDouble(int offset) {
        long mantissa = image.getLong(offset);
        int se = image.getShort(offset + 8) & 0xffff;
        boolean negative = (se & 0x8000) != 0;
        int exponent = se & 0x7fff;
        String sign = negative ? "-" : "";
        if (exponent == 0x7fff) {
            if ((mantissa << 1) == 0) return sign + "inf";
            return sign + "nan(0x" + Long.toHexString(mantissa) + ")";
        }
        if (exponent != 0 && mantissa >= 0) return "<invalid float value>"; // unnormal: integer bit clear
        if (mantissa == 0) return sign + "0";
        return sign + generalFormat(magnitude(mantissa, exponent).round(LONG_DOUBLE_DIGITS));
    }

    /** printf's %g with 21 digits of a positive value already rounded to them: fixed or exponent form, no trailing zeros. */
    static String generalFormat(BigDecimal v) {
        return generalFormat(v, LONG_DOUBLE_DIGITS.getPrecision());
    }

    /** printf's %g with precision digits of a positive value already rounded to them. */
    static String generalFormat(BigDecimal v, int precision) {
        int exp10 = v.precision() - v.scale() - 1;
        if (exp10 < -4 || exp10 >= precision) {
            BigDecimal mant = v.movePointLeft(exp10).stripTrailingZeros();
            String m = mant.toPlainString();
            return m + "e" + (exp10 < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp10));
        }
        return v.stripTrailingZeros().toPlainString();
    }
}
