package io.jrrtui.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * gdb's {@code ptype} of a C++ class, struct or union (c-typeprint.c): the class key and base
 * list in the head, data members (the vtable pointer and other artificial ones left out, statics
 * marked), then the member functions the source declares (not the ones the compiler made), each
 * under an access label where gdb writes one, with {@code (void)} for an empty parameter list and
 * the {@code this} pointer's {@code const}.
 */
final class CxxTypeNames {
    private CxxTypeNames() {}

    /** "class Rect : public Shape": the head before " {". */
    static String head(Type.Struct s) {
        StringBuilder sb = new StringBuilder(keyword(s)).append(' ').append(s.tagName());
        String sep = " : ";
        for (Type.Member b : s.members()) {
            if (!b.baseClass()) continue;
            sb.append(sep).append(b.access().word()).append(b.virtualBase() ? " virtual " : " ").append(TypeNames.baseName(b.type().strip()));
            sep = ", ";
        }
        return sb.toString();
    }

    static String keyword(Type.Struct s) {
        return s.kind() == Type.Kind.CLASS ? "class" : s.kind() == Type.Kind.UNION ? "union" : "struct";
    }

    private enum Section { NONE, PUBLIC, PROTECTED, PRIVATE }

    /** The body from " {" to "}", at nesting indent (4 spaces a level) and gdb's show level. */
    static String body(Type.Struct s, int indent, int show, TypeNames.Expander expand) {
        String pad = " ".repeat(4 * indent);
        StringBuilder sb = new StringBuilder(" {\n");
        List<Type.Method> shown = new ArrayList<>();
        for (Type.Method m : s.methods()) if (!m.artificial()) shown.add(m);
        if (s.declared().isEmpty() && s.methods().isEmpty()) {
            return sb.append(pad).append("    <no data fields>\n").append(pad).append("}").toString();
        }
        boolean labels = needsLabels(s);
        Section section = Section.NONE;
        for (Type.Member m : s.declared()) {
            if (m.baseClass() || m.artificial()) continue;
            if (labels) section = label(sb, pad, section, m.access());
            sb.append(pad).append("    ");
            if (s.isStatic(m)) sb.append("static ");
            sb.append(expand.expand(m.type(), m.name() == null ? "" : m.name(), indent + 1, show - 1));
            if (m.isBitField()) sb.append(" : ").append(m.bitSize());
            sb.append(";\n");
        }
        if (!shown.isEmpty() && section != Section.NONE) sb.append('\n');
        // gdb lists the overloads of one name together, names in order of first declaration
        Map<String, List<Type.Method>> byName = new LinkedHashMap<>();
        for (Type.Method m : shown) byName.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
        String simple = simpleName(s.tagName());
        for (List<Type.Method> group : byName.values()) {
            for (Type.Method m : group) {
                section = label(sb, pad, section, m.access());
                sb.append(pad).append("    ");
                if (m.virtual()) sb.append("virtual ");
                else if (m.isStatic()) sb.append("static ");
                boolean structor = m.name().equals(simple) || m.name().startsWith("~");
                if (!structor) sb.append(TypeNames.declaration(m.type().returnType(), "")).append(' ');
                sb.append(m.name()).append('(');
                List<String> ps = new ArrayList<>();
                for (Type p : m.declaredParams()) ps.add(TypeNames.declaration(p, ""));
                if (m.type().varargs()) ps.add("...");
                sb.append(ps.isEmpty() ? "void" : String.join(", ", ps)).append(')');
                if (m.isConst()) sb.append(" const");
                sb.append(";\n");
            }
        }
        return sb.append(pad).append("}").toString();
    }

    /** gdb's need_access_label_p: a class with anything not private, a struct or union with anything not public. */
    private static boolean needsLabels(Type.Struct s) {
        Type.Access usual = s.kind() == Type.Kind.CLASS ? Type.Access.PRIVATE : Type.Access.PUBLIC;
        for (Type.Member m : s.declared()) if (!m.baseClass() && m.access() != usual) return true;
        for (Type.Method m : s.methods()) if (m.access() != usual) return true;
        return false;
    }

    private static Section label(StringBuilder sb, String pad, Section current, Type.Access a) {
        Section want = a == Type.Access.PUBLIC ? Section.PUBLIC : a == Type.Access.PROTECTED ? Section.PROTECTED : Section.PRIVATE;
        if (want != current) sb.append(pad).append("  ").append(a.word()).append(":\n");
        return want;
    }

    /** Shape of ns::Shape, vector of std::vector<int>: the name a constructor has. */
    private static String simpleName(String tag) {
        if (tag == null) return "";
        String t = tag;
        int lt = t.indexOf('<');
        if (lt >= 0) t = t.substring(0, lt);
        int sep = t.lastIndexOf("::");
        return sep >= 0 ? t.substring(sep + 2) : t;
    }
}
