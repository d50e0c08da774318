package io.jrrtui.eval;

import io.jrrtui.util.JrrException;
import java.util.Optional;
import java.util.function.Function;

/**
 * gdb's {@code set print object on}: the most derived type of a polymorphic C++ object, read as
 * gdb's gnu-v3 ABI support reads it — the object's vtable pointer (offset 0 of a dynamic class),
 * the symbol it points into ({@code vtable for Rect+16}) naming the type, and the vtable's
 * offset-to-top slot giving the full object's address.
 */
public final class DynamicTypes {
    private DynamicTypes() {}

    private static final String VTABLE = "vtable for ";

    /**
     * v with its dynamic type: a pointer or reference to a polymorphic class retyped to the most
     * derived class, a polymorphic object in memory read as that class; v itself when there is
     * nothing to change or the vtable cannot be read or named.
     */
    public static Value of(Value v, Function<String, Optional<Type>> types, Function<Long, Optional<String>> symbolize) {
        try {
            Type t = v.type().strip();
            if (t instanceof Type.Pointer p && p.target().strip() instanceof Type.Struct s && isPolymorphic(s, 0) && v.asLong() != 0) {
                Optional<Full> f = full(s, v.asLong(), v.target(), types, symbolize);
                if (f.isEmpty()) return v;
                return Value.at(Type.Pointer.to(f.get().type()), new Location.Implicit(Value.ofLong(Literals.ULONG, f.get().address()).bytes()),
                        v.target());
            }
            if (t instanceof Type.Reference r && r.target().strip() instanceof Type.Struct s && isPolymorphic(s, 0)) {
                Optional<Full> f = full(s, v.asLong(), v.target(), types, symbolize);
                if (f.isEmpty()) return v;
                Type.Struct d = f.get().type();
                return Value.at(new Type.Reference(() -> d, r.rvalue()),
                        new Location.Implicit(Value.ofLong(Literals.ULONG, f.get().address()).bytes()), v.target());
            }
            if (t instanceof Type.Struct s && isPolymorphic(s, 0) && v.address().isPresent()) {
                Optional<Full> f = full(s, v.address().getAsLong(), v.target(), types, symbolize);
                return f.isEmpty() ? v : Value.inMemory(f.get().type(), f.get().address(), v.target());
            }
        } catch (JrrException e) {
            return v; // unreadable: the static type, as gdb falls back to
        }
        return v;
    }

    /** Whether gdb prefixes the printed value with its type: a polymorphic C++ object itself. */
    public static boolean isPolymorphicObject(Value v) {
        return v.type().strip() instanceof Type.Struct s && isPolymorphic(s, 0);
    }

    private record Full(Type.Struct type, long address) {}

    private static Optional<Full> full(Type.Struct s, long address, TargetAccess memory, Function<String, Optional<Type>> types,
            Function<Long, Optional<String>> symbolize) {
        long vptr = Value.inMemory(Literals.ULONG, address, memory).asLong();
        Optional<String> sym = symbolize.apply(vptr);
        if (sym.isEmpty() || !sym.get().startsWith(VTABLE)) return Optional.empty();
        String name = sym.get().substring(VTABLE.length()).replaceAll("\\+\\d+$", "");
        Optional<Type> d = types.apply(name);
        if (d.isEmpty() || !(d.get().strip() instanceof Type.Struct ds)) return Optional.empty();
        long offsetToTop = Value.inMemory(Literals.LONG, vptr - 16, memory).asLong();
        return Optional.of(new Full(ds, address + offsetToTop));
    }

    /** A class with a vtable pointer: its own (artificial _vptr member) or a base's. */
    static boolean isPolymorphic(Type.Struct s, int depth) {
        if (!s.isCplus() || depth > 16) return false;
        for (Type.Member m : s.members()) {
            if (m.name() != null && m.name().startsWith("_vptr")) return true;
            if (m.baseClass() && m.type().strip() instanceof Type.Struct b && isPolymorphic(b, depth + 1)) return true;
        }
        return false;
    }
}
