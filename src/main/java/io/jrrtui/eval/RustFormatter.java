package io.jrrtui.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * gdb's built-in Rust value syntax (without the rust-gdb pretty-printers): {@code path::S {a: 1}},
 * tuple structs {@code path::T (1, 2)}, enum variants {@code path::E::V(1)} / {@code path::E::V{w: 4}},
 * {@code &str} as a string, slices as {@code &[T] [a, b]}.
 */
final class RustFormatter {
    private RustFormatter() {}

    static String format(ValueFormatter f, Value v, boolean top, int depth) {
        Type s = v.type().strip();
        if (s instanceof Type.Enum e) return qualifiedEnumerator(e, v.asLong());
        Type.Struct st = (Type.Struct) s;
        String name = st.tagName() == null ? "" : st.tagName();
        if (name.equals("&str") || name.equals("&mut str")) return str(v, st);
        if ((name.startsWith("&[") || name.startsWith("&mut [")) && st.member("data_ptr").isPresent()) return slice(f, v, st, name, depth);
        if (st.variantPart() != null) return enumValue(f, v, st, name, depth);
        if (name.startsWith("(")) return "(" + String.join(", ", fields(f, v, st.members(), depth, false)) + ")";
        return structBody(f, v, name, st.members(), depth, " ");
    }

    private static String qualifiedEnumerator(Type.Enum e, long x) {
        String n = ValueFormatter.enumValue(x, e);
        boolean known = e.enumerators().stream().anyMatch(en -> en.value() == x);
        return known && e.tagName() != null ? e.tagName() + "::" + n : n;
    }

    private static boolean isTuple(List<Type.Member> ms) {
        if (ms.isEmpty()) return false;
        for (Type.Member m : ms) if (m.name() == null || !m.name().startsWith("__")) return false;
        return true;
    }

    private static List<String> fields(ValueFormatter f, Value v, List<Type.Member> ms, int depth, boolean named) {
        List<String> out = new ArrayList<>();
        for (Type.Member m : ms) {
            String val = f.format(v.sub(m.type(), m.offset()), false, depth + 1);
            out.add(named ? m.name() + ": " + val : val);
        }
        return out;
    }

    private static String structBody(ValueFormatter f, Value v, String name, List<Type.Member> ms, int depth, String sep) {
        if (ms.isEmpty()) return name;
        if (isTuple(ms)) return name + sep + "(" + String.join(", ", fields(f, v, ms, depth, false)) + ")";
        return name + sep + "{" + String.join(", ", fields(f, v, ms, depth, true)) + "}";
    }

    private static String str(Value v, Type.Struct st) {
        long ptr = v.sub(st.member("data_ptr").get().type(), st.member("data_ptr").get().offset()).asLong();
        long len = v.sub(st.member("length").get().type(), st.member("length").get().offset()).asLong();
        int n = (int) Math.max(0, Math.min(len, ValueFormatter.PRINT_MAX));
        byte[] b = n == 0 ? new byte[0] : v.target().readMemory(ptr, n);
        List<Integer> chars = new ArrayList<>();
        for (byte x : b) chars.add(x & 0xff);
        return ValueFormatter.quoteChars(chars) + (len > n ? "..." : "");
    }

    private static String slice(ValueFormatter f, Value v, Type.Struct st, String name, int depth) {
        Type.Member dp = st.member("data_ptr").get();
        long ptr = v.sub(dp.type(), dp.offset()).asLong();
        long len = st.member("length").map(m -> v.sub(m.type(), m.offset()).asLong()).orElse(0L);
        Type elem = ((Type.Pointer) dp.type().strip()).target();
        List<String> parts = new ArrayList<>();
        for (long i = 0; i < len && i < ValueFormatter.PRINT_MAX; i++) {
            parts.add(f.format(Value.inMemory(elem, ptr + i * elem.size(), v.target()), false, depth + 1));
        }
        return name + " [" + String.join(", ", parts) + (len > ValueFormatter.PRINT_MAX ? "..." : "") + "]";
    }

    private static String enumValue(ValueFormatter f, Value v, Type.Struct st, String name, int depth) {
        Type.VariantPart vp = st.variantPart();
        Type.Variant chosen = null;
        if (vp.discriminant() != null) {
            Type.Member d = vp.discriminant();
            long dv = v.sub(d.type(), d.offset()).asLong();
            long mask = d.type().size() >= 8 ? -1L : (1L << (8 * d.type().size())) - 1;
            for (Type.Variant var : vp.variants()) {
                if (var.discrValue() != null && (var.discrValue() & mask) == (dv & mask)) chosen = var;
            }
            if (chosen == null) for (Type.Variant var : vp.variants()) if (var.discrValue() == null) chosen = var;
        } else if (!vp.variants().isEmpty()) {
            chosen = vp.variants().get(0);
        }
        if (chosen == null) return name + "::<invalid discriminant>";
        Type.Member m = chosen.member();
        Value inner = v.sub(m.type(), m.offset());
        Type is = m.type().strip();
        String variantName = name + "::" + m.name();
        if (!(is instanceof Type.Struct vs)) return variantName;
        List<Type.Member> fields = new ArrayList<>();
        for (Type.Member fm : vs.members()) if (fm.name() == null || !fm.name().startsWith("RUST$ENUM$DISR")) fields.add(fm);
        return structBody(f, inner, variantName, fields, depth, "");
    }
}
