package io.jrrtui.eval;

import java.util.List;

/**
 * A C/C++/Rust type as DWARF describes it. Kinds are separate final classes; {@link #strip()} removes
 * typedefs and qualifiers. Names follow gdb ({@code struct point}, {@code int *}, {@code int [2][3]}).
 */
public abstract class Type {
    public enum Kind { VOID, BASE, POINTER, REFERENCE, ARRAY, STRUCT, UNION, CLASS, ENUM, TYPEDEF, CONST, VOLATILE, FUNCTION }

    public abstract Kind kind();

    /** Size in bytes (0 for void and functions; arrays of unknown bound are 0). */
    public abstract long size();

    /** Bound on typedef/qualifier chains, so a malformed cycle cannot recurse forever. */
    static final int MAX_CHAIN = 64;

    /** The type without typedefs, const and volatile. */
    public Type strip() { return this; }

    /** Follows typedefs and qualifiers iteratively (cycles in malformed DWARF raise an error). */
    static Type stripChain(Type start) {
        Type t = start;
        for (int i = 0; i < MAX_CHAIN; i++) {
            if (t instanceof Typedef td) t = td.target();
            else if (t instanceof Qualified q) t = q.target();
            else return t;
        }
        throw new io.jrrtui.util.JrrException("typedef chain too long (cyclic DWARF types?)");
    }

    /** The type name gdb's {@code whatis} shows. */
    public String name() { return TypeNames.declaration(this, ""); }

    public boolean isScalar() {
        Kind k = strip().kind();
        return k == Kind.BASE || k == Kind.POINTER || k == Kind.ENUM || k == Kind.REFERENCE;
    }

    @Override public String toString() { return name(); }

    /** void. */
    public static final class Void extends Type {
        public static final Void INSTANCE = new Void();
        @Override public Kind kind() { return Kind.VOID; }
        @Override public long size() { return 1; }
    }

    /** A base type: integer, character, boolean, floating point. */
    public static final class Base extends Type {
        public enum Encoding { SIGNED, UNSIGNED, SIGNED_CHAR, UNSIGNED_CHAR, BOOLEAN, FLOAT, ADDRESS, UTF, COMPLEX }
        private final String name;
        private final long size;
        private final Encoding encoding;

        public Base(String name, long size, Encoding encoding) {
            this.name = name;
            this.size = size;
            this.encoding = encoding;
        }

        @Override public Kind kind() { return Kind.BASE; }
        @Override public long size() { return size; }
        @Override public String name() { return name; }
        public String baseName() { return name; }
        public Encoding encoding() { return encoding; }
        public boolean isSigned() { return encoding == Encoding.SIGNED || encoding == Encoding.SIGNED_CHAR; }
        public boolean isFloat() { return encoding == Encoding.FLOAT; }
        public boolean isChar() { return encoding == Encoding.SIGNED_CHAR || encoding == Encoding.UNSIGNED_CHAR || (encoding == Encoding.UTF && size == 1); }
        public boolean isBool() { return encoding == Encoding.BOOLEAN; }
    }

    /** A pointer; the target is resolved lazily (structures point to themselves). */
    public static final class Pointer extends Type {
        private final java.util.function.Supplier<Type> target;
        private Type resolved;
        private final long size;
        private final String rustName;

        public Pointer(java.util.function.Supplier<Type> target, long size, String rustName) {
            this.target = target;
            this.size = size;
            this.rustName = rustName;
        }

        public static Pointer to(Type t) { return new Pointer(() -> t, 8, null); }

        /** The name DWARF gives a Rust pointer/reference type ({@code &T}, {@code *mut T}), else null. */
        public String rustName() { return rustName; }

        public synchronized Type target() {
            if (resolved == null) resolved = target.get();
            return resolved;
        }

        @Override public Kind kind() { return Kind.POINTER; }
        @Override public long size() { return size; }
    }

    /** A C++ reference (or rvalue reference), or a Rust reference shown as a pointer. */
    public static final class Reference extends Type {
        private final java.util.function.Supplier<Type> target;
        private final boolean rvalue;

        public Reference(java.util.function.Supplier<Type> target, boolean rvalue) {
            this.target = target;
            this.rvalue = rvalue;
        }

        public Type target() { return target.get(); }
        public boolean rvalue() { return rvalue; }
        @Override public Kind kind() { return Kind.REFERENCE; }
        @Override public long size() { return 8; }
    }

    /** An array; {@code count} -1 when unknown. Multi-dimensional arrays are arrays of arrays. */
    public static final class Array extends Type {
        private final Type element;
        private final long count;
        private final boolean rust;

        public Array(Type element, long count) {
            this(element, count, false);
        }

        public Array(Type element, long count, boolean rust) {
            this.element = element;
            this.count = count;
            this.rust = rust;
        }

        public boolean isRust() { return rust; }
        public Type element() { return element; }
        public long count() { return count; }
        @Override public Kind kind() { return Kind.ARRAY; }
        @Override public long size() { return count < 0 ? 0 : count * element.size(); }
    }

    /** One data member; bit fields have bitSize > 0 and a bit offset from the start of the struct. */
    public record Member(String name, Type type, long offset, int bitSize, long bitOffset, boolean baseClass, Access access,
            boolean virtualBase, boolean artificial, String linkageName) {
        public Member(String name, Type type, long offset, int bitSize, long bitOffset, boolean baseClass) {
            this(name, type, offset, bitSize, bitOffset, baseClass, Access.PUBLIC, false, false, null);
        }

        public boolean isBitField() { return bitSize > 0; }
    }

    /** C++ access (DW_AT_accessibility, or the default of the class key). */
    public enum Access {
        PUBLIC, PROTECTED, PRIVATE;

        public String word() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    /**
     * A C++ member function as the class declares it: its type with the artificial {@code this}
     * first (absent for a static one), its mangled name (to find its code), and, when virtual, its
     * slot in the vtable.
     */
    public record Method(String name, String linkageName, Function type, boolean isStatic, boolean isConst, boolean virtual,
            long vtableSlot, Access access, boolean artificial, List<Type> declaredParams) {}

    /** struct, union or class, with members filled in after construction (types may be recursive). */
    public static final class Struct extends Type {
        private final Kind kind;
        private final String tagName;
        private final long size;
        private final boolean declaration;
        private List<Member> members = List.of();
        private VariantPart variantPart;
        private final boolean rust;

        public Struct(Kind kind, String tagName, long size, boolean declaration, boolean rust) {
            this.kind = kind;
            this.tagName = tagName;
            this.size = size;
            this.declaration = declaration;
            this.rust = rust;
        }

        private boolean cplus;

        void setCplus(boolean c) { cplus = c; }
        /** A C++ type: named without the struct/class/union keyword, qualified by its scope. */
        public boolean isCplus() { return cplus; }
        void setMembers(List<Member> m) { members = List.copyOf(m); }
        void setVariantPart(VariantPart v) { variantPart = v; }
        private List<Type> templateArgs = List.of();
        void setTemplateArgs(List<Type> a) { templateArgs = List.copyOf(a); }
        /** A C++ template's type arguments in order (DW_TAG_template_type_param), empty otherwise. */
        public List<Type> templateArgs() { return templateArgs; }
        public List<Member> members() { return members; }
        private List<Method> methods = List.of();
        private List<Member> statics = List.of();
        private List<Member> declared = List.of();
        void setMethods(List<Method> m) { methods = List.copyOf(m); }
        void setStatics(List<Member> m) { statics = List.copyOf(m); }
        void setDeclared(List<Member> m) { declared = List.copyOf(m); }
        /** Data members, static ones included, in declaration order (ptype's order), bases first. */
        public List<Member> declared() { return declared.isEmpty() ? members : declared; }
        /** Whether the member is one of {@link #statics()} (by identity). */
        public boolean isStatic(Member m) {
            for (Member x : statics) if (x == m) return true;
            return false;
        }
        /** C++ member functions in declaration order (empty for C). */
        public List<Method> methods() { return methods; }
        /** C++ static data members (declarations; their storage is a global elsewhere). */
        public List<Member> statics() { return statics; }
        public VariantPart variantPart() { return variantPart; }
        public String tagName() { return tagName; }
        public boolean isDeclaration() { return declaration; }
        public boolean isRust() { return rust; }
        @Override public Kind kind() { return kind; }
        @Override public long size() { return size; }

        public java.util.Optional<Member> member(String name) {
            for (Member m : members) if (name.equals(m.name())) return java.util.Optional.of(m);
            return java.util.Optional.empty();
        }
    }

    /** A Rust enum's variant part: discriminant member and the variants it selects. */
    public record VariantPart(Member discriminant, List<Variant> variants) {}

    /** One variant: the discriminant value selecting it (null for the default) and its member. */
    public record Variant(Long discrValue, Member member) {}

    /** An enumeration. */
    public static final class Enum extends Type {
        private final String tagName;
        private final long size;
        private final boolean signed;
        private final List<Enumerator> enumerators;
        private final boolean rust;

        public Enum(String tagName, long size, boolean signed, List<Enumerator> enumerators, boolean rust) {
            this.tagName = tagName;
            this.size = size;
            this.signed = signed;
            this.enumerators = List.copyOf(enumerators);
            this.rust = rust;
        }

        private boolean cplus;
        private boolean scoped;

        void setCplus(boolean c, boolean enumClass) {
            cplus = c;
            scoped = enumClass;
        }
        public boolean isCplus() { return cplus; }
        /** A C++ {@code enum class}: enumerators print qualified ({@code Mode::On}). */
        public boolean isScoped() { return scoped; }
        public String tagName() { return tagName; }
        public boolean isSigned() { return signed; }
        public boolean isRust() { return rust; }
        public List<Enumerator> enumerators() { return enumerators; }
        @Override public Kind kind() { return Kind.ENUM; }
        @Override public long size() { return size; }
    }

    public record Enumerator(String name, long value) {}

    /** A typedef. */
    public static final class Typedef extends Type {
        private final String name;
        private final java.util.function.Supplier<Type> target;

        public Typedef(String name, java.util.function.Supplier<Type> target) {
            this.name = name;
            this.target = target;
        }

        public Type target() { return target.get(); }
        @Override public Kind kind() { return Kind.TYPEDEF; }
        @Override public long size() { return stripChain(this).size(); }
        @Override public String name() { return name; }
        @Override public Type strip() { return stripChain(this); }
    }

    /** const or volatile. */
    public static final class Qualified extends Type {
        private final Kind kind;
        private final Type target;

        public Qualified(Kind kind, Type target) {
            this.kind = kind;
            this.target = target;
        }

        public Type target() { return target; }
        @Override public Kind kind() { return kind; }
        @Override public long size() { return stripChain(this).size(); }
        @Override public Type strip() { return stripChain(this); }
    }

    /** A function type: return type, parameter types, prototyped and varargs flags. */
    public static final class Function extends Type {
        private final Type returnType;
        private final List<Type> params;
        private final boolean prototyped;
        private final boolean varargs;

        public Function(Type returnType, List<Type> params, boolean prototyped, boolean varargs) {
            this.returnType = returnType;
            this.params = List.copyOf(params);
            this.prototyped = prototyped;
            this.varargs = varargs;
        }

        public Type returnType() { return returnType; }
        public List<Type> params() { return params; }
        public boolean prototyped() { return prototyped; }
        public boolean varargs() { return varargs; }
        @Override public Kind kind() { return Kind.FUNCTION; }
        @Override public long size() { return 1; }
    }
}
