package io.jrrtui.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * C declarator syntax for types, as gdb writes it: {@code int *}, {@code char name[8]},
 * {@code int (*op)(int, int)}, {@code const char *}, and the {@code ptype} expansion of
 * structures, unions and enums.
 */
public final class TypeNames {
    private static final int MAX_DEPTH = 32;

    private TypeNames() {}

    /** {@code type} declaring {@code declarator} (a variable name, or "" for an abstract type name). */
    public static String declaration(Type t, String declarator) {
        return decl(t, declarator, 0);
    }

    private static String decl(Type t, String inner, int depth) {
        if (depth > MAX_DEPTH) return "..." + inner;
        switch (t.kind()) {
            case POINTER: {
                if (((Type.Pointer) t).rustName() != null) {
                    return join(((Type.Pointer) t).rustName() + " " + declaration(((Type.Pointer) t).target(), ""), inner);
                }
                Type target = ((Type.Pointer) t).target();
                Type.Kind tk = target.kind();
                String star = "*" + inner;
                if (tk == Type.Kind.ARRAY || tk == Type.Kind.FUNCTION) star = "(" + star + ")";
                return decl(target, star, depth + 1);
            }
            case REFERENCE: {
                Type.Reference r = (Type.Reference) t;
                String amp = (r.rvalue() ? "&&" : "&") + inner;
                Type.Kind tk = r.target().kind();
                if (tk == Type.Kind.ARRAY || tk == Type.Kind.FUNCTION) amp = "(" + amp + ")";
                return decl(r.target(), amp, depth + 1);
            }
            case ARRAY: {
                Type.Array a = (Type.Array) t;
                if (a.isRust()) return join("[" + declaration(a.element(), "") + "; " + a.count() + "]", inner);
                String dim = a.count() < 0 ? "[]" : "[" + a.count() + "]";
                return decl(a.element(), inner + dim, depth + 1);
            }
            case FUNCTION: {
                Type.Function f = (Type.Function) t;
                // a function known by its ELF symbol only: gdb names its type so
                if (f.returnType() == FunctionCalls.UNKNOWN_RETURN) {
                    boolean wrapped = inner.startsWith("(") && inner.endsWith(")");
                    return join("<text variable, no debug info>", wrapped ? inner.substring(1, inner.length() - 1) : inner);
                }
                return decl(f.returnType(), inner + "(" + params(f) + ")", depth + 1);
            }
            case CONST: case VOLATILE: {
                Type.Qualified q = (Type.Qualified) t;
                String word = t.kind() == Type.Kind.CONST ? "const" : "volatile";
                Type.Kind tk = q.target().kind();
                if (tk == Type.Kind.POINTER || tk == Type.Kind.REFERENCE) {
                    return decl(q.target(), " " + word + (inner.isEmpty() ? "" : " " + inner), depth + 1);
                }
                return word + " " + decl(q.target(), inner, depth + 1);
            }
            default:
                return join(baseName(t), inner);
        }
    }

    private static String join(String base, String inner) {
        if (inner.isEmpty()) return base;
        return base + " " + inner;
    }

    /** The name of a non-derived type: {@code struct point}, {@code point_t}, {@code int}, {@code void}. */
    static String baseName(Type t) {
        switch (t.kind()) {
            case VOID: return "void";
            case BASE: return ((Type.Base) t).baseName();
            case TYPEDEF: return ((Type.Typedef) t).name();
            case STRUCT: case UNION: case CLASS: {
                Type.Struct s = (Type.Struct) t;
                if (s.isRust()) return s.tagName() == null ? "{...}" : s.tagName();
                if (s.isCplus() && s.tagName() != null) return s.tagName();
                String kw = t.kind() == Type.Kind.STRUCT ? "struct" : t.kind() == Type.Kind.UNION ? "union" : "class";
                return s.tagName() == null ? kw + " {...}" : kw + " " + s.tagName();
            }
            case ENUM: {
                Type.Enum e = (Type.Enum) t;
                if (e.isRust()) return e.tagName() == null ? "{...}" : e.tagName();
                if (e.isCplus() && e.tagName() != null) return e.tagName();
                return e.tagName() == null ? "enum {...}" : "enum " + e.tagName();
            }
            default: return t.name();
        }
    }

    private static String params(Type.Function f) {
        List<String> ps = new ArrayList<>();
        for (Type p : f.params()) ps.add(declaration(p, ""));
        if (f.varargs()) ps.add("...");
        if (ps.isEmpty() && f.prototyped()) return "void";
        return String.join(", ", ps);
    }

    /** gdb's {@code ptype}: typedefs at the top are resolved and structures/enums expanded. */
    public static String ptype(Type t) {
        if (RustTypeNames.applies(t)) return RustTypeNames.ptype(t);
        Type top = t;
        for (int i = 0; i < MAX_DEPTH && top.kind() == Type.Kind.TYPEDEF; i++) top = ((Type.Typedef) top).target();
        if (top instanceof Type.Function f && f.returnType() == FunctionCalls.UNKNOWN_RETURN) return "<unknown return type> ()";
        return expand(top, "", 0, 1);
    }

    /** The type with typedefs under pointers/arrays/qualifiers resolved, as gdb's ptype shows them. */
    private static Type resolveInner(Type t, int depth) {
        if (depth > MAX_DEPTH) return t;
        switch (t.kind()) {
            case TYPEDEF: return resolveInner(((Type.Typedef) t).target(), depth + 1);
            case POINTER: {
                Type.Pointer p = (Type.Pointer) t;
                if (p.rustName() != null) return t;
                Type inner = resolveInner(p.target(), depth + 1);
                return new Type.Pointer(() -> inner, p.size(), null);
            }
            case ARRAY: {
                Type.Array a = (Type.Array) t;
                return new Type.Array(resolveInner(a.element(), depth + 1), a.count(), a.isRust());
            }
            case CONST: case VOLATILE: {
                Type.Qualified q = (Type.Qualified) t;
                return new Type.Qualified(t.kind(), resolveInner(q.target(), depth + 1));
            }
            default: return t;
        }
    }

    /**
     * Expands the struct/union/enum at the bottom of a (possibly derived) type. {@code show} follows
     * gdb: 1 at the top; members get show-1; an anonymous type is expanded while show >= 0, and
     * below that printed as {@code struct {...}}.
     */
    /** {@link #expand}, for the C++ class printer's members. */
    interface Expander {
        String expand(Type t, String declarator, int indent, int show);
    }

    static String expand(Type t0, String declarator, int indent, int show) {
        Type t = indent == 0 ? resolveInner(t0, 0) : t0;
        Type core = t;
        for (int i = 0; i < MAX_DEPTH; i++) {
            if (core.kind() == Type.Kind.POINTER && ((Type.Pointer) core).rustName() == null) core = ((Type.Pointer) core).target();
            else if (core.kind() == Type.Kind.ARRAY) core = ((Type.Array) core).element();
            else if (core.kind() == Type.Kind.REFERENCE) core = ((Type.Reference) core).target();
            else if (core.kind() == Type.Kind.CONST || core.kind() == Type.Kind.VOLATILE) core = ((Type.Qualified) core).target();
            else if (core.kind() == Type.Kind.FUNCTION) core = ((Type.Function) core).returnType();
            else break;
        }
        boolean anonymous = core instanceof Type.Struct s0 ? s0.tagName() == null : core instanceof Type.Enum e0 && e0.tagName() == null;
        if (!(show > 0 || (anonymous && show == 0))) return declaration(t, declarator);
        String body;
        if (core instanceof Type.Struct s && !s.isDeclaration()) body = structBody(s, indent, show);
        else if (core instanceof Type.Enum e) body = enumBody(e);
        else return declaration(t, declarator);
        String plain = declaration(t, declarator);
        String name = baseName(core);
        int at = plain.indexOf(name);
        if (at < 0) return plain;
        String head = anonymous ? (name.endsWith(" {...}") ? name.substring(0, name.length() - 6) : "") : name;
        if (core instanceof Type.Struct cs && cs.isCplus() && !cs.isDeclaration()) {
            head = anonymous ? CxxTypeNames.keyword(cs) : CxxTypeNames.head(cs);
            body = CxxTypeNames.body(cs, indent, show, TypeNames::expand);
        }
        return plain.substring(0, at) + head + body + plain.substring(at + name.length());
    }

    private static String structBody(Type.Struct s, int indent, int show) {
        StringBuilder sb = new StringBuilder(" {\n");
        String pad = "    ".repeat(indent + 1);
        for (Type.Member m : s.members()) {
            String n = m.name() == null ? "" : m.name();
            sb.append(pad).append(expand(m.type(), n, indent + 1, show - 1));
            if (m.isBitField()) sb.append(" : ").append(m.bitSize());
            sb.append(";\n");
        }
        sb.append("    ".repeat(indent)).append("}");
        return sb.toString();
    }

    private static String enumBody(Type.Enum e) {
        StringBuilder sb = new StringBuilder(" {");
        long next = 0;
        boolean first = true;
        for (Type.Enumerator en : e.enumerators()) {
            if (!first) sb.append(", ");
            first = false;
            sb.append(en.name());
            if (en.value() != next) sb.append(" = ").append(en.value());
            next = en.value() + 1;
        }
        return sb.append("}").toString();
    }
}
