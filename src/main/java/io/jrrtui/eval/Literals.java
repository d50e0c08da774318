package io.jrrtui.eval;

import io.jrrtui.util.JrrException;
import java.math.BigInteger;

/** Number literals with C's typing rules as gdb applies them, and the built-in C types. */
final class Literals {
    static final Type.Base INT = new Type.Base("int", 4, Type.Base.Encoding.SIGNED);
    static final Type.Base UINT = new Type.Base("unsigned int", 4, Type.Base.Encoding.UNSIGNED);
    static final Type.Base LONG = new Type.Base("long", 8, Type.Base.Encoding.SIGNED);
    static final Type.Base ULONG = new Type.Base("unsigned long", 8, Type.Base.Encoding.UNSIGNED);
    static final Type.Base LONGLONG = new Type.Base("long long", 8, Type.Base.Encoding.SIGNED);
    static final Type.Base ULONGLONG = new Type.Base("unsigned long long", 8, Type.Base.Encoding.UNSIGNED);
    static final Type.Base CHAR = new Type.Base("char", 1, Type.Base.Encoding.SIGNED_CHAR);
    static final Type.Base UCHAR = new Type.Base("unsigned char", 1, Type.Base.Encoding.UNSIGNED_CHAR);
    static final Type.Base SCHAR = new Type.Base("signed char", 1, Type.Base.Encoding.SIGNED_CHAR);
    static final Type.Base SHORT = new Type.Base("short", 2, Type.Base.Encoding.SIGNED);
    static final Type.Base USHORT = new Type.Base("unsigned short", 2, Type.Base.Encoding.UNSIGNED);
    static final Type.Base DOUBLE = new Type.Base("double", 8, Type.Base.Encoding.FLOAT);
    static final Type.Base LONGDOUBLE = new Type.Base("long double", 16, Type.Base.Encoding.FLOAT);
    static final Type.Base FLOAT = new Type.Base("float", 4, Type.Base.Encoding.FLOAT);
    static final Type.Base BOOL = new Type.Base("_Bool", 1, Type.Base.Encoding.BOOLEAN);

    private Literals() {}

    static Expr number(String text) {
        String t = text.toLowerCase();
        boolean isHex = t.startsWith("0x");
        if (!isHex && (t.contains(".") || t.contains("e"))) {
            String f = t.endsWith("f") ? t.substring(0, t.length() - 1) : t;
            try {
                return new Expr.FloatLit(Double.parseDouble(f));
            } catch (NumberFormatException e) {
                throw new JrrException("Invalid number \"" + text + "\".");
            }
        }
        int end = t.length();
        boolean unsigned = false;
        int longs = 0;
        while (end > 0 && (t.charAt(end - 1) == 'u' || t.charAt(end - 1) == 'l')) {
            if (t.charAt(end - 1) == 'u') unsigned = true; else longs++;
            end--;
        }
        String digits = t.substring(0, end);
        BigInteger v;
        try {
            if (isHex) v = new BigInteger(digits.substring(2), 16);
            else if (digits.length() > 1 && digits.startsWith("0")) v = new BigInteger(digits.substring(1), 8);
            else v = new BigInteger(digits);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new JrrException("Invalid number \"" + text + "\".");
        }
        if (v.bitLength() > 64) throw new JrrException("Numeric constant too large.");
        long x = v.longValue();
        boolean decimal = !isHex && !(digits.length() > 1 && digits.startsWith("0"));
        Type type;
        if (longs == 0 && !unsigned && v.bitLength() <= 31) type = INT;
        else if (longs == 0 && v.bitLength() <= 32 && (unsigned || !decimal)) type = UINT;
        else if (!unsigned && v.bitLength() <= 63) type = LONG;
        else type = ULONG;
        return new Expr.IntLit(x, type);
    }
}
