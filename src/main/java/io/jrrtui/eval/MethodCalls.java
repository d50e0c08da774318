package io.jrrtui.eval;

import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * C++ member function calls ({@code r.width()}, {@code s->area()}, {@code c.add(4)},
 * {@code Counter::twice(5)}) as gdb makes them: the method found by name in the class and its
 * bases, {@code this} the address of the subobject that declares it, a virtual one's code read
 * from the object's vtable (so the dynamic type's override runs), a non-virtual one's code found by
 * its mangled name in the loaded modules' symbols — a method the compiler only inlined has none,
 * and gdb's "Cannot evaluate function -- may be inlined" is the answer. The libstdc++ methods gdb
 * answers through its xmethods (a vector's size, empty, front, back, at, operator[]; a map's or
 * set's size and empty) are computed from the container the same way, without a call.
 */
final class MethodCalls {
    private MethodCalls() {}

    /** A method of a class, with the offset of the (base) subobject that declares it. */
    record Found(Type.Method method, long offset, Type.Struct owner) {}

    /** The methods named name in s, else in its first base that has some (with that base's offset), else empty. */
    static List<Found> lookup(Type.Struct s, String name, long offset, int depth) {
        List<Found> out = new ArrayList<>();
        if (depth > 16) return out;
        for (Type.Method m : s.methods()) if (m.name().equals(name)) out.add(new Found(m, offset, s));
        if (!out.isEmpty()) return out;
        for (Type.Member b : s.members()) {
            if (!b.baseClass() || !(b.type().strip() instanceof Type.Struct bs)) continue;
            if (b.virtualBase()) {
                // its offset is in the vtable, which is not read for it: refused rather than "no such method"
                if (!lookup(bs, name, 0, depth + 1).isEmpty()) {
                    throw new JrrException("Cannot call " + name + "(): it is declared in the virtual base class " + bs.tagName()
                            + ", whose place in the object jrrtui does not read from the vtable yet.");
                }
                continue;
            }
            List<Found> inBase = lookup(bs, name, offset + b.offset(), depth + 1);
            if (!inBase.isEmpty()) return inBase;
        }
        return out;
    }

    /** The one method that takes argc arguments, in gdb's words when none or several do. */
    static Found choose(List<Found> candidates, String className, String name, int argc) {
        List<Found> fit = new ArrayList<>();
        for (Found f : candidates) {
            int n = f.method().declaredParams().size();
            if (n == argc || (f.method().type().varargs() && argc >= n)) fit.add(f);
        }
        if (fit.size() == 1) return fit.get(0);
        if (fit.isEmpty() && candidates.size() == 1 && argc < candidates.get(0).method().declaredParams().size()) {
            throw new JrrException("Too few arguments in function call.");
        }
        if (fit.isEmpty()) throw new JrrException("Cannot resolve method " + className + "::" + name + " to any overloaded instance");
        throw new JrrException("Cannot choose among the overloads of " + className + "::" + name + " with " + argc
                + " argument(s): jrrtui does not resolve overloads by argument type.");
    }

    /**
     * The code address of a method called on an object at thisAddress (the declaring subobject):
     * a virtual one through the vtable, else the symbol of its mangled name.
     */
    static long address(Found f, long thisAddress, TargetAccess memory, EvalContext ctx) {
        Type.Method m = f.method();
        if (m.virtual() && m.vtableSlot() >= 0 && !m.isStatic()) {
            // Itanium ABI: a dynamic class's vptr is at offset 0 of its object
            long vtable = Value.inMemory(Literals.ULONG, thisAddress, memory).asLong();
            return Value.inMemory(Literals.ULONG, vtable + 8 * m.vtableSlot(), memory).asLong();
        }
        if (m.linkageName() == null) throw new JrrException("Cannot evaluate function -- may be inlined");
        java.util.OptionalLong at = ctx.functionElsewhere(m.linkageName());
        if (at.isEmpty()) throw new JrrException("Cannot evaluate function -- may be inlined");
        return at.getAsLong();
    }

    /**
     * obj.method without a call, as gdb prints it: the function the class declares (not the
     * dynamic type's override), or gdb's refusal when the compiler emitted no code for it.
     */
    static Optional<Value> methodValue(Type.Struct s, String name, EvalContext ctx) {
        List<Found> found = lookup(s, name, 0, 0);
        if (found.isEmpty()) return Optional.empty();
        Type.Method m = found.get(0).method();
        java.util.OptionalLong at = m.linkageName() == null ? java.util.OptionalLong.empty() : ctx.functionElsewhere(m.linkageName());
        if (at.isEmpty()) throw new JrrException("Cannot take address of method " + name + ".");
        return Optional.of(Value.inMemory(m.type(), at.getAsLong(), ctx.target()));
    }

    /** gdb's libstdc++ xmethods this evaluator answers (see the class comment); empty for any other call. */
    static Optional<Value> xmethod(Value object, String name, List<Value> args) {
        if (!(object.type().strip() instanceof Type.Struct s) || s.tagName() == null || !s.tagName().startsWith("std::")) {
            return Optional.empty();
        }
        String t = s.tagName();
        if (t.startsWith("std::vector<") && !t.startsWith("std::vector<bool,")) return vector(object, name, args);
        boolean tree = t.startsWith("std::map<") || t.startsWith("std::set<") || t.startsWith("std::multimap<") || t.startsWith("std::multiset<");
        if (tree && args.isEmpty() && (name.equals("size") || name.equals("empty"))) {
            Optional<Value> count = CxxPrinters.find(object, "_M_node_count", 0);
            if (count.isEmpty()) return Optional.empty();
            long n = count.get().asLong();
            return Optional.of(name.equals("size") ? Value.ofLong(Literals.ULONG, n) : Value.ofLong(CXX_BOOL, n == 0 ? 1 : 0));
        }
        return Optional.empty();
    }

    /** C++'s bool, as gdb's xmethods type empty(). */
    private static final Type.Base CXX_BOOL = new Type.Base("bool", 1, Type.Base.Encoding.BOOLEAN);

    private static Optional<Value> vector(Value v, String name, List<Value> args) {
        Optional<Value> start = CxxPrinters.find(v, "_M_start", 0);
        Optional<Value> finish = CxxPrinters.find(v, "_M_finish", 0);
        if (start.isEmpty() || finish.isEmpty() || !(start.get().type().strip() instanceof Type.Pointer p) || p.target().size() <= 0) {
            return Optional.empty();
        }
        Type elem = p.target();
        long es = elem.size();
        long a = start.get().asLong();
        long length = (finish.get().asLong() - a) / es;
        switch (name) {
            case "size":
                return args.isEmpty() ? Optional.of(Value.ofLong(Literals.ULONG, length)) : Optional.empty();
            case "empty":
                return args.isEmpty() ? Optional.of(Value.ofLong(CXX_BOOL, length == 0 ? 1 : 0)) : Optional.empty();
            case "front":
                return args.isEmpty() ? Optional.of(Value.inMemory(elem, a, v.target())) : Optional.empty();
            case "back":
                return args.isEmpty() ? Optional.of(Value.inMemory(elem, a + (length - 1) * es, v.target())) : Optional.empty();
            case "at": case "operator[]": {
                if (args.size() != 1) return Optional.empty();
                long i = args.get(0).dereferenced().asLong();
                if (name.equals("at") && (i < 0 || i >= length)) {
                    throw new JrrException("Python Exception <class 'IndexError'>: Vector index \"" + i + "\" should not be >= " + length
                            + ".\nError while executing Python code.");
                }
                return Optional.of(Value.inMemory(elem, a + i * es, v.target()));
            }
            default:
                return Optional.empty();
        }
    }
}
