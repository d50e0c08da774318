package io.jrrtui.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * gdb's Rust {@code ptype}: {@code struct NAME {\n  field: T,\n}}, enums with their variants
 * ({@code Circle(f64)}, {@code Rect{w: u32, h: u32}}, {@code Empty}); pointers are not expanded.
 */
final class RustTypeNames {
    private RustTypeNames() {}

    static boolean applies(Type t) {
        Type s = t.strip();
        return (s instanceof Type.Struct st && st.isRust()) || (s instanceof Type.Enum e && e.isRust());
    }

    static String ptype(Type t) {
        Type s = t.strip();
        if (s instanceof Type.Enum e) {
            StringBuilder sb = new StringBuilder("enum ").append(e.tagName()).append(" {\n");
            for (Type.Enumerator en : e.enumerators()) sb.append("  ").append(en.name()).append(",\n");
            return sb.append("}").toString();
        }
        Type.Struct st = (Type.Struct) s;
        if (st.variantPart() != null) {
            StringBuilder sb = new StringBuilder("enum ").append(st.tagName()).append(" {\n");
            for (Type.Variant v : st.variantPart().variants()) {
                sb.append("  ").append(v.member().name()).append(variantFields(v.member().type())).append(",\n");
            }
            return sb.append("}").toString();
        }
        StringBuilder sb = new StringBuilder("struct ").append(st.tagName());
        boolean tuple = !st.members().isEmpty() && st.members().stream().allMatch(m -> m.name() != null && m.name().startsWith("__"));
        sb.append(tuple ? " (\n" : " {\n");
        for (Type.Member m : st.members()) {
            sb.append("  ");
            if (!tuple) sb.append(m.name()).append(": ");
            sb.append(m.type().name()).append(",\n");
        }
        return sb.append(tuple ? ")" : "}").toString();
    }

    private static String variantFields(Type variant) {
        if (!(variant.strip() instanceof Type.Struct vs) || vs.members().isEmpty()) return "";
        List<String> parts = new ArrayList<>();
        boolean tuple = vs.members().stream().allMatch(m -> m.name() != null && m.name().startsWith("__"));
        for (Type.Member m : vs.members()) parts.add(tuple ? m.type().name() : m.name() + ": " + m.type().name());
        return tuple ? "(" + String.join(", ", parts) + ")" : "{" + String.join(", ", parts) + "}";
    }
}
