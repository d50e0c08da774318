package io.jrrtui.eval;

import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Formats values the way gdb's {@code print} does for C: {@code {a = 1, b = 0x4011a6 <main>,
 * s = 0x402004 "hi"}}, character and string escapes, {@code <repeats N times>}, the 200-element
 * limit, {@code (type *) 0x...} for top-level pointers. Rust values use gdb's Rust syntax.
 */
public final class ValueFormatter {
    /** Names addresses as {@code sym} or {@code sym+off} for {@code <...>} annotations. */
    @FunctionalInterface
    public interface Symbolizer {
        Optional<String> symbolize(long address);
    }

    static final int PRINT_MAX = 200;
    static final int REPEAT_THRESHOLD = 10;
    /** gdb's max-value-size: larger values are not fetched. */
    static final long MAX_VALUE_SIZE = 65536;
    private static final int MAX_DEPTH = 20;

    private final Symbolizer symbols;

    public ValueFormatter(Symbolizer symbols) {
        this.symbols = symbols;
    }

    /** Where a C++ static data member lives, by its mangled name (null: statics are not printed). */
    private java.util.function.Function<String, java.util.OptionalLong> statics;

    /** Prints C++ static data members as gdb does ({@code static made_ = 0}), found by their mangled names. */
    public ValueFormatter withStatics(java.util.function.Function<String, java.util.OptionalLong> where) {
        this.statics = where;
        return this;
    }

    /**
     * The text after {@code $1 = }.
     *
     * @throws JrrException when the value is larger than gdb's max-value-size (gdb refuses to print it)
     */
    public String format(Value v) {
        Type s = v.type().strip();
        if (s.size() > MAX_VALUE_SIZE && (s instanceof Type.Array || s instanceof Type.Struct)) {
            throw new JrrException("value requires " + s.size() + " bytes, which is more than max-value-size");
        }
        return format(v, true, 0);
    }

    /**
     * The text after {@code $1 = } for {@code print/LETTER}: x d u o t z c a f s (0 = natural).
     *
     * @throws JrrException for an unknown letter or a value the format cannot show
     */
    /** A value as info locals or a frame line lists it: without the (type) a top-level pointer has in print. */
    public String formatListed(Value v) {
        return format(v, false, 0);
    }

    public String format(Value v, char letter) {
        if (letter == 0) return format(v);
        try {
            return new FormatLetters(this).format(v, letter, 0);
        } catch (DwarfExpression.OptimizedOutException e) {
            return "<optimized out>";
        }
    }

    String format(Value v, boolean top, int depth) {
        if (depth > MAX_DEPTH) return "...";
        try {
            if (v.isOptimizedOut()) return "<optimized out>";
            if (v.location() instanceof Location.ImplicitPointer) return "<synthetic pointer>";
            Type t = v.type();
            Type s = t.strip();
            if (s instanceof Type.Struct st && st.isRust() || s instanceof Type.Enum en && en.isRust())
                return RustFormatter.format(this, v, top, depth);
            switch (s.kind()) {
                case BASE: return base(v, (Type.Base) s);
                case ENUM: return enumValue(v.asLong(), (Type.Enum) s);
                case POINTER: return pointer(v, (Type.Pointer) s, t, top);
                case REFERENCE: {
                    Type.Reference r = (Type.Reference) s;
                    long addr = v.asLong();
                    Value referred = Value.inMemory(r.target(), addr, v.target());
                    // gdb shows a reference to a value its printers know as the printed value alone
                    if (r.target().strip() instanceof Type.Struct rs && rs.isCplus()) {
                        Optional<String> pretty = CxxPrinters.format(this, referred, rs, depth + 1);
                        if (pretty.isPresent()) return pretty.get();
                    }
                    String inner = format(referred, false, depth + 1);
                    return (top ? "(" + t.name() + ") " : "") + "@" + hex(addr) + ": " + inner;
                }
                case ARRAY: return array(v, (Type.Array) s, depth);
                case STRUCT: case UNION: case CLASS: return struct(v, (Type.Struct) s, depth);
                case FUNCTION: {
                    long addr = v.address().orElse(0);
                    return "{" + t.name() + "} " + hex(addr) + sym(addr);
                }
                case VOID: return "void";
                default: return "?";
            }
        } catch (DwarfExpression.OptimizedOutException e) {
            return "<optimized out>";
        } catch (JrrException e) {
            return "<error: " + e.getMessage() + ">";
        }
    }

    static String hex(long v) { return "0x" + Long.toHexString(v); }

    String sym(long addr) {
        return symbols.symbolize(addr).map(s -> " <" + s + ">").orElse("");
    }

    String base(Value v, Type.Base b) {
        if (b.isFloat()) return GdbNumbers.floating(v.asDouble(), (int) b.size());
        if (b.encoding() == Type.Base.Encoding.COMPLEX && (b.size() == 8 || b.size() == 16)) {
            int half = (int) b.size() / 2;
            Type.Base part = new Type.Base("part", half, Type.Base.Encoding.FLOAT);
            String re = GdbNumbers.floating(v.sub(part, 0).asDouble(), half);
            String im = GdbNumbers.floating(v.sub(part, half).asDouble(), half);
            return re + " + " + im + "i";
        }
        String wide = widePrefix(v.type());
        if (wide != null) {
            long x = v.asLong();
            return x + " " + wide + "'" + (x >= 32 && x < 127 ? GdbNumbers.escapeChar((int) x, '\'') : String.format("\\%o", x)) + "'";
        }
        long x = v.asLong();
        if (b.isBool()) return x == 0 ? "false" : x == 1 ? "true" : Long.toString(x);
        if (b.isChar() && b.size() == 1) return x + " '" + GdbNumbers.escapeChar((int) x, '\'') + "'";
        if (b.isSigned()) return Long.toString(x);
        if (b.size() < 8) return Long.toString(x & ((1L << (8 * b.size())) - 1));
        return Long.toUnsignedString(x);
    }

    /** gdb prints wchar_t / char16_t / char32_t (typedefs in C) as characters: L'x', u'x', U'x'. */
    private static String widePrefix(Type t) {
        Type cur = t;
        for (int i = 0; i < 8 && cur instanceof Type.Typedef td; i++) {
            switch (td.name()) {
                case "wchar_t": return "L";
                case "char16_t": return "u";
                case "char32_t": return "U";
                default: cur = td.target();
            }
        }
        if (cur instanceof Type.Base b && b.encoding() == Type.Base.Encoding.UTF && b.size() > 1) return b.size() == 2 ? "u" : "U";
        return null;
    }

    static String enumValue(long x, Type.Enum e) {
        for (Type.Enumerator en : e.enumerators()) {
            if (en.value() == x) return e.isScoped() && e.tagName() != null ? e.tagName() + "::" + en.name() : en.name();
        }
        if (!isFlagEnum(e)) return Long.toString(x);
        // a "flag" enum is printed as the enumerators whose bits are set, then the leftover bits
        StringBuilder sb = new StringBuilder();
        long left = x;
        for (Type.Enumerator en : e.enumerators()) {
            if (en.value() != 0 && (left & en.value()) != 0) {
                sb.append(sb.length() == 0 ? "(" : " | ").append(en.name());
                left &= ~en.value();
            }
        }
        if (left != 0) return sb.append(sb.length() == 0 ? "(unknown: 0x" : " | unknown: 0x").append(Long.toHexString(left)).append(")").toString();
        return sb.length() == 0 ? "0" : sb.append(")").toString();
    }

    /** gdb's flag enum: non-negative single-bit (or zero) values that do not overlap. */
    static boolean isFlagEnum(Type.Enum e) {
        long mask = 0;
        for (Type.Enumerator en : e.enumerators()) {
            long v = en.value();
            if (v < 0 || Long.bitCount(v) > 1 || (mask & v) != 0) return false;
            mask |= v;
        }
        return true;
    }

    private String pointer(Value v, Type.Pointer p, Type declared, boolean top) {
        long addr = v.asLong();
        Type target = p.target().strip();
        if (target instanceof Type.Base b && b.isChar() && b.size() == 1) {
            if (addr == 0) return "0x0";
            return hex(addr) + sym(addr) + " " + cString(v.target(), addr); // gdb names a data symbol it points into
        }
        String prefix = top ? "(" + declared.name() + ") " : "";
        return prefix + hex(addr) + (addr == 0 ? "" : sym(addr));
    }

    /** A NUL-terminated string in memory, at most 200 characters, gdb-quoted. */
    static String cString(TargetAccess target, long addr) {
        List<Integer> chars = new ArrayList<>();
        boolean truncated = true;
        try {
            for (int i = 0; i < PRINT_MAX; i++) {
                int c = target.readMemory(addr + i, 1)[0] & 0xff;
                if (c == 0) { truncated = false; break; }
                chars.add(c);
            }
        } catch (JrrException e) {
            return "<error: Cannot access memory at address " + hex(addr) + ">";
        }
        return quoteChars(chars) + (truncated ? "..." : "");
    }

    /** gdb's string printing: runs over the threshold become {@code 'c' <repeats N times>}. */
    static String quoteChars(List<Integer> chars) {
        return quoteChars(chars, Integer.MAX_VALUE);
    }

    /**
     * As {@link #quoteChars(List)}, stopping once {@code printMax} "things" are shown (a character
     * counts 1, a repeat block counts the repeat threshold) and then appending {@code ...}.
     */
    static String quoteChars(List<Integer> chars, int printMax) {
        if (chars.isEmpty()) return "\"\"";
        StringBuilder out = new StringBuilder();
        StringBuilder cur = null;
        int i = 0;
        int things = 0;
        while (i < chars.size() && things < printMax) {
            int c = chars.get(i);
            int j = i;
            while (j < chars.size() && chars.get(j) == c) j++;
            int reps = j - i;
            if (reps > REPEAT_THRESHOLD) {
                if (cur != null) { out.append(cur).append("\", "); cur = null; }
                out.append('\'').append(GdbNumbers.escapeChar(c, '\'')).append("' <repeats ").append(reps).append(" times>, ");
                i = j;
                things += REPEAT_THRESHOLD;
            } else {
                if (cur == null) cur = new StringBuilder("\"");
                for (int k = i; k < j && things < printMax; k++, i++, things++) cur.append(GdbNumbers.escapeChar(c, '"'));
            }
        }
        if (cur != null) out.append(cur).append('"');
        else out.setLength(out.length() - 2);
        if (i < chars.size()) out.append("...");
        return out.toString();
    }

    private String array(Value v, Type.Array a, int depth) {
        Type elem = a.element();
        Type es = elem.strip();
        long count = a.count() < 0 ? 0 : a.count();
        if (es instanceof Type.Base b && b.isChar() && b.size() == 1 && !v.partlyOptimizedOut()) {
            int n = (int) Math.min(count, MAX_VALUE_SIZE);
            byte[] raw = v.slice(0, n);
            int len = n;
            // a final NUL of the array is not shown; runs count as one block towards the 200 limit
            if (len > 0 && raw[len - 1] == 0) len--;
            List<Integer> chars = new ArrayList<>();
            for (int i = 0; i < len; i++) chars.add(raw[i] & 0xff);
            return quoteChars(chars, PRINT_MAX);
        }
        long esize = elem.size();
        List<String> parts = new ArrayList<>();
        long shown = 0;
        long i = 0;
        while (i < count && shown < PRINT_MAX) {
            String s = format(v.sub(elem, i * esize), false, depth + 1);
            long j = i + 1;
            while (j < count && format(v.sub(elem, j * esize), false, depth + 1).equals(s)) j++;
            long reps = j - i;
            if (reps > REPEAT_THRESHOLD) {
                parts.add(s + " <repeats " + reps + " times>");
                i = j;
                shown += REPEAT_THRESHOLD;
            } else {
                parts.add(s);
                i++;
                shown++;
            }
        }
        String body = String.join(", ", parts) + (i < count ? "..." : "");
        return a.isRust() ? "[" + body + "]" : "{" + body + "}";
    }

    private String struct(Value v, Type.Struct s, int depth) {
        if (s.isDeclaration()) return "<incomplete type>";
        if (s.isCplus()) {
            Optional<String> pretty = CxxPrinters.format(this, v, s, depth);
            if (pretty.isPresent()) return pretty.get();
        }
        List<String> parts = new ArrayList<>();
        if (!s.isCplus()) {
            for (Type.Member m : s.members()) parts.add(member(v, m, depth));
            return "{" + String.join(", ", parts) + "}";
        }
        boolean fields = false;
        for (Type.Member m : s.declared()) {
            fields |= !m.baseClass();
            if (!s.isStatic(m)) {
                parts.add(member(v, m, depth));
            } else if (statics != null) {
                java.util.OptionalLong at = m.linkageName() == null ? java.util.OptionalLong.empty() : statics.apply(m.linkageName());
                // a static member declared but never defined has no storage: gdb says <optimized out>
                if (m.type().strip() == s) { // printing it would print it again
                    parts.add("static " + m.name() + " = <same as static member of an already seen type>");
                    continue;
                }
                parts.add("static " + m.name() + " = " + (at.isPresent() ? format(Value.inMemory(m.type(), at.getAsLong(), v.target()), false,
                        depth + 1) : "<optimized out>"));
            }
        }
        if (!fields) parts.add("<No data fields>");
        return "{" + String.join(", ", parts) + "}";
    }

    String member(Value v, Type.Member m, int depth) {
        Value mv;
        if (m.isBitField()) {
            mv = v.optimizedOutBits(m.bitOffset(), m.bitOffset() + m.bitSize())
                    ? Value.at(m.type(), new Location.OptimizedOut(), v.target())
                    : Value.bitField(m.type(), v, m.bitOffset(), m.bitSize());
        } else {
            mv = v.sub(m.type(), m.offset());
        }
        String val = format(mv, false, depth + 1);
        if (m.name() == null) return val;
        if (m.baseClass()) return "<" + m.name() + "> = " + val;
        return m.name() + " = " + val;
    }
}
