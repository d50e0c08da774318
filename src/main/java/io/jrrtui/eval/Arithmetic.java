package io.jrrtui.eval;

import io.jrrtui.util.JrrException;

/** C's usual arithmetic conversions and operators over {@link Value}s, as gdb evaluates them. */
final class Arithmetic {
    private Arithmetic() {}

    static boolean truth(Value v) {
        Type s = v.type().strip();
        if (s instanceof Type.Base b && b.isFloat()) return v.asDouble() != 0;
        if (s instanceof Type.Base || s instanceof Type.Enum || s instanceof Type.Pointer) return v.asLong() != 0;
        if (s instanceof Type.Array) return true;
        throw new JrrException("Argument to logical operation not a number or boolean.");
    }

    private static boolean isFloat(Type s) {
        return s instanceof Type.Base b && b.isFloat();
    }

    private static boolean isInteger(Type s) {
        return (s instanceof Type.Base b && !b.isFloat()) || s instanceof Type.Enum;
    }

    /** Integer promotion: anything narrower than int becomes int. */
    static Value promote(Value v) {
        Type s = v.type().strip();
        if (isInteger(s) && s.size() < 4) return Value.ofLong(Literals.INT, v.asLong());
        if (s instanceof Type.Enum) return Value.ofLong(s.size() > 4 ? Literals.LONG : (((Type.Enum) s).isSigned() ? Literals.INT : Literals.UINT), v.asLong());
        if (s instanceof Type.Base || s instanceof Type.Pointer) return v;
        throw new JrrException("Argument to arithmetic operation not a number or boolean.");
    }

    private static boolean unsigned(Type s) {
        return s instanceof Type.Base b && !b.isSigned() && !b.isFloat();
    }

    /** The common type of two promoted integer operands. */
    private static Type common(Type a, Type b) {
        long sa = a.size(), sb = b.size();
        if (sa != sb) {
            Type wide = sa > sb ? a : b;
            Type narrow = sa > sb ? b : a;
            if (unsigned(narrow) && !unsigned(wide) && narrow.size() >= wide.size()) return unsignedOf(wide);
            return wide;
        }
        if (unsigned(a)) return a;
        if (unsigned(b)) return b;
        return a;
    }

    private static Type unsignedOf(Type t) {
        return t.size() >= 8 ? Literals.ULONG : Literals.UINT;
    }

    static Value negate(Value v) {
        Value p = promote(v);
        if (isFloat(p.type().strip())) return Value.ofDouble(p.type(), -p.asDouble());
        if (p.type().strip() instanceof Type.Pointer) throw new JrrException("Argument to arithmetic operation not a number or boolean.");
        return Value.ofLong(p.type(), -p.asLong());
    }

    static Value binary(String op, Value l, Value r) {
        Type ls = l.type().strip(), rs = r.type().strip();
        if (ls instanceof Type.Array && l.address().isPresent()) { l = decay(l, (Type.Array) ls); ls = l.type(); }
        if (rs instanceof Type.Array && r.address().isPresent()) { r = decay(r, (Type.Array) rs); rs = r.type(); }
        if (ls instanceof Type.Pointer || rs instanceof Type.Pointer) return pointerOp(op, l, r, ls, rs);
        Value a = promote(l), b = promote(r);
        Type at = a.type().strip(), bt = b.type().strip();
        if (isFloat(at) || isFloat(bt)) {
            long widest = Math.max(isFloat(at) ? at.size() : 0, isFloat(bt) ? bt.size() : 0);
            Type t = widest > 8 ? (isFloat(at) && at.size() > 8 ? a.type() : b.type()) : widest == 8 ? Literals.DOUBLE : Literals.FLOAT;
            if (widest == 4 && !(isFloat(at) && isFloat(bt))) t = Literals.FLOAT;
            return floatOp(op, a.asDouble(), b.asDouble(), t);
        }
        if (op.equals("<<") || op.equals(">>")) {
            long n = b.asLong();
            long x = a.asLong();
            int bits = (int) at.size() * 8;
            if (n < 0 || n >= bits) return Value.ofLong(a.type(), 0);
            return Value.ofLong(a.type(), op.equals("<<") ? x << n : unsigned(at) ? (bits == 64 ? x >>> n : (x & ((1L << bits) - 1)) >>> n) : x >> n);
        }
        Type t = common(at, bt);
        long x = a.asLong(), y = b.asLong();
        boolean uns = unsigned(t);
        if (uns && t.size() < 8) { x &= 0xffffffffL; y &= 0xffffffffL; }
        switch (op) {
            case "+": return Value.ofLong(t, x + y);
            case "-": return Value.ofLong(t, x - y);
            case "*": return Value.ofLong(t, x * y);
            case "/": if (y == 0) throw new JrrException("Division by zero"); return Value.ofLong(t, uns ? Long.divideUnsigned(x, y) : x / y);
            case "%": if (y == 0) throw new JrrException("Division by zero"); return Value.ofLong(t, uns ? Long.remainderUnsigned(x, y) : x % y);
            case "&": return Value.ofLong(t, x & y);
            case "|": return Value.ofLong(t, x | y);
            case "^": return Value.ofLong(t, x ^ y);
            default: return compare(op, uns ? Long.compareUnsigned(x, y) : Long.compare(x, y));
        }
    }

    private static Value decay(Value arr, Type.Array a) {
        return Value.ofLong(Type.Pointer.to(a.element()), arr.address().getAsLong());
    }

    private static Value compare(String op, int c) {
        boolean r;
        switch (op) {
            case "==": r = c == 0; break;
            case "!=": r = c != 0; break;
            case "<": r = c < 0; break;
            case ">": r = c > 0; break;
            case "<=": r = c <= 0; break;
            case ">=": r = c >= 0; break;
            default: throw new JrrException("unsupported operator " + op);
        }
        return Value.ofLong(Literals.INT, r ? 1 : 0);
    }

    private static Value floatOp(String op, double x, double y, Type t) {
        switch (op) {
            case "+": return Value.ofDouble(t, x + y);
            case "-": return Value.ofDouble(t, x - y);
            case "*": return Value.ofDouble(t, x * y);
            case "/": return Value.ofDouble(t, x / y);
            case "%": case "&": case "|": case "^":
                throw new JrrException("Integer only operation " + op + ".");
            default: return compare(op, Double.compare(x, y));
        }
    }

    private static Value pointerOp(String op, Value l, Value r, Type ls, Type rs) {
        if (ls instanceof Type.Pointer lp && rs instanceof Type.Pointer rp) {
            if (op.equals("-")) {
                long es = Math.max(1, lp.target().size());
                if (es != Math.max(1, rp.target().size())) throw new JrrException("First argument of `-' is a pointer and second argument is neither\nan integer nor a pointer of the same type.");
                return Value.ofLong(Literals.LONG, (l.asLong() - r.asLong()) / es);
            }
            return compare(op, Long.compareUnsigned(l.asLong(), r.asLong()));
        }
        Value p = ls instanceof Type.Pointer ? l : r;
        Value n = ls instanceof Type.Pointer ? r : l;
        Type.Pointer pt = (Type.Pointer) p.type().strip();
        if (!isInteger(n.type().strip())) throw new JrrException("Argument to arithmetic operation not a number or boolean.");
        long es = Math.max(1, pt.target().size());
        switch (op) {
            case "+": return Value.ofLong(p.type(), p.asLong() + n.asLong() * es);
            case "-":
                if (p != l) throw new JrrException("Argument to arithmetic operation not a number or boolean.");
                return Value.ofLong(p.type(), p.asLong() - n.asLong() * es);
            case "==": case "!=": case "<": case ">": case "<=": case ">=":
                return compare(op, Long.compareUnsigned(l.asLong(), r.asLong()));
            case "&": case "|": case "^": case "%": case "*": case "/":
                return binary(op, Value.ofLong(Literals.LONG, l.asLong()), Value.ofLong(Literals.LONG, r.asLong()));
            default: throw new JrrException("unsupported operator " + op);
        }
    }
}
