package io.jrrtui.eval;

import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;
import io.jrrtui.dwarf.DwarfInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds {@link Type}s from DWARF type DIEs, once per DIE (cycles through pointers are lazy). */
public final class TypeFactory {
    private static final int MAX_DEPTH = 64;
    private final Map<Long, Type> cache = new HashMap<>();
    private final Map<DwarfInfo, Map<String, Die>> namedTypes = new HashMap<>();
    private int depth;

    public synchronized Type of(Optional<Die> die) {
        return die.map(this::of).orElse(Type.Void.INSTANCE);
    }

    /** Cache key: .debug_types offsets overlap .debug_info offsets, so the section is part of it. */
    private static long key(Die d) {
        return d.unit().inTypesSection() ? d.rawOffset() | (1L << 62) : d.rawOffset();
    }

    public synchronized Type of(Die d) {
        Type t = cache.get(key(d));
        if (t != null) return t;
        if (++depth > MAX_DEPTH) {
            depth--;
            throw new io.jrrtui.util.JrrException("type nesting too deep at " + d.offset());
        }
        try {
            t = build(d);
        } finally {
            depth--;
        }
        cache.put(key(d), t);
        return t;
    }

    private boolean isRust(Die d) {
        return d.unit().language() == Dw.LANG_Rust;
    }

    private static boolean isCplus(Die d) {
        int l = d.unit().language();
        return l == Dw.LANG_C_plus_plus || l == Dw.LANG_C_plus_plus_11 || l == Dw.LANG_C_plus_plus_14;
    }

    private Type build(Die d) {
        // a declaration stub pointing into a type unit (DW_AT_signature, DWARF 4 .debug_types)
        Optional<Die> sig = d.ref(Dw.AT_signature);
        if (sig.isPresent() && sig.get() != d) return of(sig.get());
        switch (d.tag()) {
            case Dw.TAG_base_type: return base(d);
            case Dw.TAG_unspecified_type: return new Type.Base(d.name().orElse("void"), 0, Type.Base.Encoding.UNSIGNED);
            case Dw.TAG_pointer_type: {
                Optional<Die> target = d.type();
                long size = d.unsigned(Dw.AT_byte_size).orElse(8L);
                // gdb names every Rust pointer "*mut T" whatever DWARF calls it
                return new Type.Pointer(() -> of(target), size, isRust(d) ? "*mut" : null);
            }
            case Dw.TAG_reference_type: case Dw.TAG_rvalue_reference_type: {
                Optional<Die> target = d.type();
                return new Type.Reference(() -> of(target), d.tag() == Dw.TAG_rvalue_reference_type);
            }
            case Dw.TAG_const_type: return new Type.Qualified(Type.Kind.CONST, of(d.type()));
            case Dw.TAG_volatile_type: return new Type.Qualified(Type.Kind.VOLATILE, of(d.type()));
            case Dw.TAG_restrict_type: case Dw.TAG_atomic_type: return of(d.type());
            case Dw.TAG_typedef: {
                Optional<Die> target = d.type();
                String n = d.name().orElse("?");
                if (isCplus(d)) n = io.jrrtui.dwarf.ScopeNames.qualify(d, n);
                return new Type.Typedef(n, () -> of(target));
            }
            case Dw.TAG_array_type: return array(d);
            case Dw.TAG_structure_type: case Dw.TAG_union_type: case Dw.TAG_class_type: return struct(d);
            case Dw.TAG_enumeration_type: return enumeration(d);
            case Dw.TAG_subroutine_type: case Dw.TAG_subprogram: return function(d);
            default:
                return new Type.Base("<unknown type tag 0x" + Integer.toHexString(d.tag()) + ">", d.unsigned(Dw.AT_byte_size).orElse(0L), Type.Base.Encoding.UNSIGNED);
        }
    }

    private Type base(Die d) {
        long size = d.unsigned(Dw.AT_byte_size).orElse(0L);
        int enc = d.unsigned(Dw.AT_encoding).orElse(0L).intValue();
        Type.Base.Encoding e;
        switch (enc) {
            case Dw.ATE_boolean: e = Type.Base.Encoding.BOOLEAN; break;
            case Dw.ATE_float: e = Type.Base.Encoding.FLOAT; break;
            case Dw.ATE_signed: e = Type.Base.Encoding.SIGNED; break;
            case Dw.ATE_signed_char: e = Type.Base.Encoding.SIGNED_CHAR; break;
            case Dw.ATE_unsigned_char: e = Type.Base.Encoding.UNSIGNED_CHAR; break;
            case Dw.ATE_UTF: e = Type.Base.Encoding.UTF; break;
            case Dw.ATE_address: e = Type.Base.Encoding.ADDRESS; break;
            case Dw.ATE_complex_float: e = Type.Base.Encoding.COMPLEX; break;
            default: e = Type.Base.Encoding.UNSIGNED;
        }
        String name = GDB_INTEGER_NAMES.getOrDefault(d.name().orElse("?"), d.name().orElse("?"));
        // gdb treats a 1-byte "char" as a character whichever signedness DWARF gives it
        if (name.equals("char") && (e == Type.Base.Encoding.SIGNED || e == Type.Base.Encoding.UNSIGNED)) {
            e = e == Type.Base.Encoding.SIGNED ? Type.Base.Encoding.SIGNED_CHAR : Type.Base.Encoding.UNSIGNED_CHAR;
        }
        return new Type.Base(name, size, e);
    }

    /** gdb renames GCC's integer spellings to their short forms ("long unsigned int" -> "unsigned long"). */
    private static final Map<String, String> GDB_INTEGER_NAMES = Map.of(
            "short int", "short", "short unsigned int", "unsigned short", "long int", "long",
            "long unsigned int", "unsigned long", "long long int", "long long",
            "long long unsigned int", "unsigned long long");

    private Type array(Die d) {
        List<Long> dims = new ArrayList<>();
        for (Die c : d.children()) {
            if (c.tag() != Dw.TAG_subrange_type && c.tag() != Dw.TAG_enumeration_type) continue;
            Optional<Long> count = c.unsigned(Dw.AT_count);
            if (count.isEmpty()) {
                // bounds in dataN forms are unsigned (char buf[256] has upper bound 255 as data1)
                Optional<Long> upper = c.raw(Dw.AT_upper_bound).filter(v -> v.isConstant()).map(v -> v.value());
                long lower = c.unsigned(Dw.AT_lower_bound).orElse(0L);
                count = upper.map(u -> u - lower + 1);
            }
            dims.add(count.orElse(-1L));
        }
        if (dims.isEmpty()) dims.add(-1L);
        Type t = of(d.type());
        for (int i = dims.size() - 1; i >= 0; i--) t = new Type.Array(t, dims.get(i), isRust(d));
        return t;
    }

    private Type struct(Die d) {
        Type.Kind k = d.tag() == Dw.TAG_union_type ? Type.Kind.UNION : d.tag() == Dw.TAG_class_type ? Type.Kind.CLASS : Type.Kind.STRUCT;
        boolean rust = isRust(d);
        String name = d.name().orElse(null);
        boolean cplus = isCplus(d);
        if ((rust || cplus) && name != null) name = io.jrrtui.dwarf.ScopeNames.qualify(d, name);
        Type.Struct s = new Type.Struct(k, name, d.unsigned(Dw.AT_byte_size).orElse(0L), d.flag(Dw.AT_declaration), rust);
        s.setCplus(cplus);
        cache.put(key(d), s);
        List<Type.Member> members = new ArrayList<>();
        List<Type> templateArgs = new ArrayList<>();
        List<Type.Method> methods = new ArrayList<>();
        List<Type.Member> statics = new ArrayList<>();
        List<Type.Member> declared = new ArrayList<>();
        for (Die c : d.children()) {
            if (c.tag() == Dw.TAG_template_type_param && c.type().isPresent()) {
                templateArgs.add(of(c.type()));
            } else if (c.tag() == Dw.TAG_GNU_template_parameter_pack) { // variadic: the pack's types in order
                for (Die t : c.children()) if (t.tag() == Dw.TAG_template_type_param && t.type().isPresent()) templateArgs.add(of(t.type()));
            } else if (c.tag() == Dw.TAG_member || c.tag() == Dw.TAG_inheritance) {
                if (c.flag(Dw.AT_declaration)) { // static members live elsewhere; ptype names them
                    statics.add(staticMember(c, k));
                    declared.add(statics.get(statics.size() - 1));
                    continue;
                }
                members.add(member(c, s));
                declared.add(members.get(members.size() - 1));
            } else if (c.tag() == Dw.TAG_variable && cplus && c.flag(Dw.AT_declaration)) { // DWARF 5's static member
                statics.add(staticMember(c, k));
                declared.add(statics.get(statics.size() - 1));
            } else if (c.tag() == Dw.TAG_subprogram && cplus) {
                methods.add(method(c, k));
            } else if (c.tag() == Dw.TAG_variant_part) {
                s.setVariantPart(variantPart(c, s));
            }
        }
        s.setMembers(members);
        s.setTemplateArgs(templateArgs);
        s.setMethods(methods);
        s.setStatics(statics);
        s.setDeclared(declared);
        return s;
    }

    private Type.Member member(Die c, Type.Struct owner) {
        Type t = of(c.type());
        long off = c.unsigned(Dw.AT_data_member_location).orElse(0L);
        int bitSize = c.unsigned(Dw.AT_bit_size).orElse(0L).intValue();
        long bitOffset = 0;
        if (bitSize > 0) {
            Optional<Long> dbo = c.unsigned(Dw.AT_data_bit_offset);
            if (dbo.isPresent()) {
                bitOffset = dbo.get();
            } else {
                // DWARF 2-3 big-endian-style bit offset within a storage unit of byte_size
                long storage = c.unsigned(Dw.AT_byte_size).orElse(t.size());
                long bo = c.unsigned(Dw.AT_bit_offset).orElse(0L);
                bitOffset = off * 8 + storage * 8 - bo - bitSize;
            }
        }
        String name = c.name().orElse(null);
        if (c.tag() == Dw.TAG_inheritance) name = TypeNames.baseName(t);
        return new Type.Member(name, t, off, bitSize, bitOffset, c.tag() == Dw.TAG_inheritance, access(c, owner.kind()),
                c.tag() == Dw.TAG_inheritance && c.unsigned(Dw.AT_virtuality).orElse(0L) != 0, c.flag(Dw.AT_artificial), null);
    }

    /** DW_AT_accessibility, else the default of the class key: private in a class, public in a struct or union. */
    private static Type.Access access(Die c, Type.Kind ownerKind) {
        long a = c.unsigned(Dw.AT_accessibility).orElse(ownerKind == Type.Kind.CLASS ? 3L : 1L);
        return a == 2 ? Type.Access.PROTECTED : a == 3 ? Type.Access.PRIVATE : Type.Access.PUBLIC;
    }

    private Type.Member staticMember(Die c, Type.Kind ownerKind) {
        return new Type.Member(c.name().orElse("?"), of(c.type()), 0, 0, 0, false, access(c, ownerKind), false, c.flag(Dw.AT_artificial),
                c.linkageName().orElse(null));
    }

    /** A member function's declaration in its class (see {@link Type.Method}). */
    private Type.Method method(Die c, Type.Kind ownerKind) {
        Type.Function fn = (Type.Function) function(c);
        List<Die> params = c.childrenWithTag(t -> t == Dw.TAG_formal_parameter);
        boolean hasThis = !params.isEmpty() && params.get(0).flag(Dw.AT_artificial);
        boolean isConst = false;
        if (hasThis && fn.params().get(0).strip() instanceof Type.Pointer p) isConst = p.target().kind() == Type.Kind.CONST;
        if (hasThis && fn.params().get(0).kind() != Type.Kind.CONST) {
            // gdb makes this a const pointer (GCC marks it so in definitions, not in the class: GCC PR 43053)
            List<Type> ps = new ArrayList<>(fn.params());
            ps.set(0, new Type.Qualified(Type.Kind.CONST, ps.get(0)));
            fn = new Type.Function(fn.returnType(), ps, fn.prototyped(), fn.varargs());
        }
        List<Type> declaredParams = new ArrayList<>();
        for (int i = 0; i < params.size() && i < fn.params().size(); i++) {
            if (!params.get(i).flag(Dw.AT_artificial)) declaredParams.add(fn.params().get(i));
        }
        boolean virtual = c.unsigned(Dw.AT_virtuality).orElse(0L) != 0 && c.has(Dw.AT_vtable_elem_location);
        long slot = -1;
        Optional<io.jrrtui.dwarf.AttrValue> loc = c.raw(Dw.AT_vtable_elem_location);
        if (virtual && loc.isPresent() && loc.get().isExprloc()) {
            java.nio.ByteBuffer b = loc.get().blockView();
            if (b.remaining() > 0 && (b.get() & 0xff) == 0x10) { // DW_OP_constu N
                long v = 0;
                int shift = 0;
                while (b.hasRemaining()) {
                    int x = b.get() & 0xff;
                    v |= (long) (x & 0x7f) << shift;
                    shift += 7;
                    if ((x & 0x80) == 0) break;
                }
                slot = v;
            }
        }
        return new Type.Method(c.name().orElse("?"), c.linkageName().orElse(null), fn, !hasThis, isConst, virtual, slot,
                access(c, ownerKind), c.flag(Dw.AT_artificial), declaredParams);
    }

    private Type.VariantPart variantPart(Die vp, Type.Struct owner) {
        Type.Member discr = null;
        Optional<Die> dd = vp.ref(Dw.AT_discr);
        if (dd.isPresent()) discr = member(dd.get(), owner);
        List<Type.Variant> variants = new ArrayList<>();
        for (Die v : vp.children()) {
            if (v.tag() != Dw.TAG_variant) continue;
            Long value = v.unsigned(Dw.AT_discr_value).orElse(null);
            for (Die m : v.children()) {
                if (m.tag() == Dw.TAG_member) variants.add(new Type.Variant(value, member(m, owner)));
            }
        }
        return new Type.VariantPart(discr, variants);
    }

    private Type enumeration(Die d) {
        List<Type.Enumerator> es = new ArrayList<>();
        Type under = d.type().map(this::of).orElse(null);
        boolean signed = under != null && under.strip() instanceof Type.Base b ? b.isSigned() : false;
        for (Die c : d.children()) {
            if (c.tag() != Dw.TAG_enumerator) continue;
            // dataN values are sign-extended only for a signed underlying type; sdata is signed
            long v = signed ? c.signed(Dw.AT_const_value).orElse(0L) : c.unsigned(Dw.AT_const_value).orElse(0L);
            if (v < 0 && c.isSignedForm(Dw.AT_const_value)) signed = true;
            es.add(new Type.Enumerator(c.name().orElse("?"), v));
        }
        boolean rust = isRust(d);
        boolean cplus = isCplus(d);
        String name = d.name().orElse(null);
        if ((rust || cplus) && name != null) name = io.jrrtui.dwarf.ScopeNames.qualify(d, name);
        Type.Enum e = new Type.Enum(name, d.unsigned(Dw.AT_byte_size).orElse(4L), signed, es, rust);
        e.setCplus(cplus, d.flag(Dw.AT_enum_class));
        return e;
    }

    private Type function(Die d) {
        List<Type> params = new ArrayList<>();
        boolean varargs = false;
        for (Die c : d.children()) {
            if (c.tag() == Dw.TAG_formal_parameter) params.add(of(c.type()));
            else if (c.tag() == Dw.TAG_unspecified_parameters) varargs = true;
        }
        return new Type.Function(of(d.typeInherited()), params, d.flag(Dw.AT_prototyped) || isRust(d), varargs);
    }

    /** A type by name ({@code int}, {@code struct foo}, {@code point_t}), searched in the module's units. */
    public synchronized Optional<Type> named(DwarfInfo dwarf, String name) {
        Map<String, Die> index = namedTypes.computeIfAbsent(dwarf, TypeFactory::indexTypes);
        Die d = index.get(name);
        return d == null ? Optional.empty() : Optional.of(of(d));
    }

    private static Map<String, Die> indexTypes(DwarfInfo dwarf) {
        Map<String, Die> map = new HashMap<>();
        for (io.jrrtui.dwarf.Unit u : dwarf.compileUnits()) indexScope(u.root(), "", map, 0);
        for (io.jrrtui.dwarf.Unit u : dwarf.units()) if (u.isTypeUnit()) indexScope(u.root(), "", map, 0);
        for (io.jrrtui.dwarf.Unit u : dwarf.debugTypesUnits()) indexScope(u.root(), "", map, 0);
        return map;
    }

    /** Named types of one scope; namespaces add their qualified names ({@code geo::Circle}). */
    private static void indexScope(Die scope, String prefix, Map<String, Die> map, int depth) {
        if (depth > 32) return;
        int lang = scope.unit().language();
        boolean keywordless = lang == Dw.LANG_Rust || lang == Dw.LANG_C_plus_plus || lang == Dw.LANG_C_plus_plus_11
                || lang == Dw.LANG_C_plus_plus_14;
        for (Die c : scope.children()) {
            if (c.tag() == Dw.TAG_namespace) {
                indexScope(c, prefix + c.name().orElse("(anonymous namespace)") + "::", map, depth + 1);
                continue;
            }
            Optional<String> n = c.name().map(x -> prefix + x);
            if (n.isEmpty() || c.flag(Dw.AT_declaration)) continue;
            String key;
            switch (c.tag()) {
                case Dw.TAG_base_type: case Dw.TAG_typedef: key = n.get(); break;
                case Dw.TAG_structure_type: key = "struct " + n.get(); break;
                case Dw.TAG_union_type: key = "union " + n.get(); break;
                case Dw.TAG_enumeration_type: key = "enum " + n.get(); break;
                case Dw.TAG_class_type: key = "class " + n.get(); break;
                default: continue;
            }
            map.putIfAbsent(key, c);
            // C++ and Rust name their types without the keyword; C does not
            if (keywordless) map.putIfAbsent(n.get(), c);
        }
    }
}
