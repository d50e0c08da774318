package io.jrrtui.eval;

import io.jrrtui.util.JrrException;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates C-like expressions against an {@link EvalContext}: variables, members, indexing,
 * pointer arithmetic, casts, C arithmetic conversions, registers and convenience variables.
 * Errors are one-line {@link JrrException}s in gdb's words.
 */
public final class Evaluator {
    private static final int MAX_DEPTH = 200;
    private final EvalContext ctx;
    private int depth;
    /** Working out a type only (ptype, whatis): calls are not run, as gdb's EVAL_AVOID_SIDE_EFFECTS. */
    private boolean typeOnly;

    public Evaluator(EvalContext ctx) {
        this.ctx = ctx;
    }

    /** "struct NAME" and the like: a type that is named, not an expression. */
    private static final java.util.regex.Pattern TAGGED = java.util.regex.Pattern.compile("(struct|union|enum|class)\\s+([A-Za-z_][\\w:]*)");

    /** Parses and evaluates {@code expression}. */
    public Value evaluate(String expression) {
        Expr e = Parser.parse(expression, this::isTypeName);
        Value v = eval(e);
        // a computed pointer (&s[1], p + 1, a cast) carries no memory access: a char * needs it for its string
        if (v.target() == null && v.type().strip() instanceof Type.Pointer && ctx.target() != null) {
            return Value.at(v.type(), new Location.Implicit(v.bytes()), ctx.target());
        }
        return v;
    }

    /** A type's name, not a variable's: a class's name is its type, not its constructor (a function of that name too). */
    private boolean isTypeName(String n) {
        if (ctx.type(n).isEmpty()) return false;
        Optional<Value> v = ctx.variable(n);
        return v.isEmpty() || v.get().type().strip() instanceof Type.Function;
    }

    /** gdb's LEFT@N: N objects of LEFT's type starting at LEFT's address. */
    private static Value artificialArray(Value left, Value count) {
        if (left.address().isEmpty()) throw new JrrException("Only values in memory can be extended with '@'.");
        long n = count.asLong();
        if (n <= 0) throw new JrrException("Invalid number " + n + " of repetitions.");
        return Value.inMemory(new Type.Array(left.type(), n), left.address().getAsLong(), left.target());
    }

    /** The type of an expression (for {@code ptype}/{@code whatis} of expressions or type names). */
    public Type typeOf(String expression) {
        String t = expression.trim();
        Optional<Type> named = resolveTypeText(t);
        if (named.isPresent()) return named.get();
        java.util.regex.Matcher tag = TAGGED.matcher(t);
        if (tag.matches()) throw new JrrException("No " + tag.group(1) + " type named " + tag.group(2) + ".");
        typeOnly = true;
        try {
            return evaluate(expression).type();
        } finally {
            typeOnly = false;
        }
    }

    /**
     * gdb's {@code whatis}: the type name of an expression; for a typedef name given as a type,
     * one level of typedef is removed ({@code whatis op_fn} shows what op_fn stands for).
     */
    public String whatis(String expression) {
        Optional<Type> named = resolveTypeText(expression.trim());
        if (named.isPresent() && named.get() instanceof Type.Typedef td) return td.target().name();
        if (named.isPresent()) return named.get().name();
        return typeOf(expression).name();
    }

    private Optional<Type> resolveTypeText(String t) {
        int stars = 0;
        String base = t;
        while (base.endsWith("*")) { stars++; base = base.substring(0, base.length() - 1).trim(); }
        if (ctx.variable(base).isPresent() && !isTypeName(base)) return Optional.empty();
        Optional<Type> bt = builtinOrNamed(base);
        if (bt.isEmpty()) return Optional.empty();
        Type r = bt.get();
        for (int i = 0; i < stars; i++) r = Type.Pointer.to(r);
        return Optional.of(r);
    }

    Value eval(Expr e) {
        if (++depth > MAX_DEPTH) { depth--; throw new JrrException("Expression too deeply nested."); }
        try {
            return evalInner(e);
        } finally {
            depth--;
        }
    }

    private Value evalInner(Expr e) {
        if (e instanceof Expr.IntLit i) return Value.ofLong(i.type(), i.value());
        if (e instanceof Expr.FloatLit f) return Value.ofDouble(Literals.DOUBLE, f.value());
        if (e instanceof Expr.CharLit c) return Value.ofLong(Literals.CHAR, c.value());
        if (e instanceof Expr.StringLit s) {
            byte[] b = java.util.Arrays.copyOf(s.bytes(), s.bytes().length + 1);
            return Value.ofBytes(new Type.Array(Literals.CHAR, b.length), b);
        }
        if (e instanceof Expr.Name n) {
            return ctx.variable(n.name()).or(() -> ctx.elsewhere(n.name()))
                    .orElseThrow(() -> new JrrException("No symbol \"" + n.name() + "\" in current context."));
        }
        if (e instanceof Expr.Register r) return register(r.name());
        if (e instanceof Expr.Unary u) return unary(u.op(), eval(u.operand()));
        if (e instanceof Expr.Binary b && b.op().equals("@")) return artificialArray(eval(b.left()), eval(b.right()));
        if (e instanceof Expr.Binary b) return Arithmetic.binary(b.op(), eval(b.left()), eval(b.right()));
        if (e instanceof Expr.Logical l) {
            boolean left = Arithmetic.truth(eval(l.left()));
            boolean result = l.op().equals("&&") ? left && Arithmetic.truth(eval(l.right())) : left || Arithmetic.truth(eval(l.right()));
            return Value.ofLong(Literals.INT, result ? 1 : 0);
        }
        if (e instanceof Expr.Conditional c) return Arithmetic.truth(eval(c.cond())) ? eval(c.then()) : eval(c.otherwise());
        if (e instanceof Expr.Comma c) {
            Value last = null;
            for (Expr x : c.items()) last = eval(x);
            return last;
        }
        if (e instanceof Expr.Assign a) return assign(a);
        if (e instanceof Expr.Member m) return member(eval(m.object()), m.member(), m.arrow());
        if (e instanceof Expr.Index x) return index(eval(x.array()), eval(x.index()));
        if (e instanceof Expr.Cast c && c.operand() instanceof Expr.Call call) {
            Type to = resolveType(c.type());
            return cast(call(call, to), to); // gdb: a cast gives a call without debug info its return type
        }
        if (e instanceof Expr.Cast c) return cast(eval(c.operand()), resolveType(c.type()));
        if (e instanceof Expr.Call call) return call(call, null);
        // gdb types sizeof as int in C
        if (e instanceof Expr.SizeofType s) return Value.ofLong(Literals.INT, resolveType(s.type()).size());
        if (e instanceof Expr.SizeofExpr s) return Value.ofLong(Literals.INT, eval(s.operand()).type().size());
        throw new JrrException("unsupported expression");
    }

    /** Runs a call of a function of the program (see {@link FunctionCalls}); returnType null: the function's own. */
    private Value call(Expr.Call call, Type returnType) {
        if (call.function() instanceof Expr.Member m) {
            Optional<Value> r = methodCall(m, call.args(), returnType);
            if (r.isPresent()) return r.get();
        }
        if (call.function() instanceof Expr.Name n && n.name().contains("::") && ctx.variable(n.name()).isEmpty()) {
            Optional<Value> r = staticMethodCall(n.name(), call.args(), returnType);
            if (r.isPresent()) return r.get();
        }
        String name = call.function() instanceof Expr.Name n ? n.name() : "function";
        FunctionCalls.Callee callee;
        java.util.OptionalLong elsewhere = call.function() instanceof Expr.Name && ctx.variable(name).isEmpty()
                ? ctx.functionElsewhere(name) : java.util.OptionalLong.empty();
        if (elsewhere.isPresent()) {
            // a library's function known by its symbol only: gdb's "unknown return type" unless cast
            callee = new FunctionCalls.Callee(name, elsewhere.getAsLong(),
                    new Type.Function(FunctionCalls.UNKNOWN_RETURN, List.of(), false, false));
        } else {
            callee = FunctionCalls.callee(name, eval(call.function()));
        }
        List<Value> args = new java.util.ArrayList<>();
        for (Expr a : call.args()) args.add(eval(a));
        Type rt = returnType != null ? returnType : callee.type().returnType();
        io.jrrtui.arch.FunctionCall plan = FunctionCalls.plan(callee, args, rt);
        if (typeOnly) return FunctionCalls.unrun(rt);
        return FunctionCalls.result(rt, ctx.call(plan), ctx.target());
    }

    /**
     * obj.method(args) / ptr->method(args) of a C++ class (see {@link MethodCalls}); empty when the
     * member is a data member (a function pointer is called as before).
     */
    private Optional<Value> methodCall(Expr.Member m, List<Expr> argExprs, Type returnType) {
        Value o = eval(m.object());
        Type s = o.type().strip();
        if (s instanceof Type.Pointer || s instanceof Type.Reference) {
            o = deref(o);
            s = o.type().strip();
        }
        if (!(s instanceof Type.Struct st) || !st.isCplus()) return Optional.empty();
        List<Value> args = new java.util.ArrayList<>();
        for (Expr a : argExprs) args.add(eval(a));
        Optional<Value> x = MethodCalls.xmethod(o, m.member(), args);
        if (x.isPresent()) return x;
        List<MethodCalls.Found> found = MethodCalls.lookup(st, m.member(), 0, 0);
        if (found.isEmpty()) {
            if (findMember(o, st, m.member(), 0).isPresent()) return Optional.empty();
            throw new JrrException("Couldn't find method " + st.tagName() + "::" + m.member());
        }
        MethodCalls.Found f = MethodCalls.choose(found, st.tagName(), m.member(), args.size());
        long self = o.address().orElseThrow(() -> new JrrException("Attempt to take address of value not located in memory.")) + f.offset();
        return Optional.of(runMethod(f, self, args, returnType));
    }

    /** Class::method(args): a static member function (or gdb's refusal of one the compiler only inlined). */
    private Optional<Value> staticMethodCall(String qualified, List<Expr> argExprs, Type returnType) {
        int sep = qualified.lastIndexOf("::");
        Optional<Type> cls = ctx.type(qualified.substring(0, sep));
        if (cls.isEmpty() || !(cls.get().strip() instanceof Type.Struct st)) return Optional.empty();
        List<MethodCalls.Found> found = MethodCalls.lookup(st, qualified.substring(sep + 2), 0, 0);
        found.removeIf(f -> !f.method().isStatic());
        if (found.isEmpty()) return Optional.empty();
        List<Value> args = new java.util.ArrayList<>();
        for (Expr a : argExprs) args.add(eval(a));
        MethodCalls.Found f = MethodCalls.choose(found, st.tagName(), qualified.substring(sep + 2), args.size());
        return Optional.of(runMethod(f, 0, args, returnType));
    }

    private Value runMethod(MethodCalls.Found f, long self, List<Value> args, Type returnType) {
        Type.Method method = f.method();
        long code = MethodCalls.address(f, self, ctx.target(), ctx);
        List<Value> all = new java.util.ArrayList<>();
        if (!method.isStatic()) all.add(Value.ofLong(method.type().params().get(0), self));
        all.addAll(args);
        Type rt = returnType != null ? returnType : method.type().returnType();
        String shown = f.owner().tagName() + "::" + method.name();
        io.jrrtui.arch.FunctionCall plan = FunctionCalls.plan(new FunctionCalls.Callee(shown, code, method.type()), all, rt);
        if (typeOnly) return FunctionCalls.unrun(rt);
        return FunctionCalls.result(rt, ctx.call(plan), ctx.target());
    }

    /** The x87, SSE, AVX and AVX-512 registers, which "info registers" shows but expressions do not read yet. */
    private static final java.util.regex.Pattern VECTOR_AND_X87 =
            java.util.regex.Pattern.compile("st[0-7]|[xy]mm([0-9]|1[0-5])|zmm([0-9]|[12][0-9]|3[01])|k[0-7]|mxcsr|f(ctrl|stat|tag|iseg|ioff|oseg|ooff|op)");

    private Value register(String name) {
        int r64 = Registers.dwarf64(name);
        int r32 = Registers.dwarf32(name);
        if (r64 < 0 && r32 < 0) {
            Value v = ctx.convenience().get(name);
            if (v == null && name.equals("_siginfo")) {
                // gdb reads the thread's pending siginfo anywhere; a replay has the recorded one of a signal stop only
                throw new JrrException("$_siginfo is not available in jrrtui here: the recording keeps the siginfo_t of each "
                        + "signal it delivered, so $_siginfo has a value at a signal stop (Program received signal ..., or a "
                        + "catch signal stop) and nowhere else.");
            }
            if (v == null && VECTOR_AND_X87.matcher(name).matches()) {
                // an unset convenience variable would print void: a wrong answer for a register that has a value
                throw new JrrException("$" + name + " cannot be used in an expression in jrrtui yet: \"info registers " + name
                        + "\" shows its value as gdb does.");
            }
            return v != null ? v : Value.ofBytes(Type.Void.INSTANCE, new byte[0]);
        }
        long raw = ctx.target().register(r64 >= 0 ? r64 : r32);
        return Value.ofLong(Registers.typeOf(name), raw);
    }

    private Value assign(Expr.Assign a) {
        Value v = eval(a.value());
        if (a.target() instanceof Expr.Register r && Registers.dwarf64(r.name()) < 0 && Registers.dwarf32(r.name()) < 0) {
            Value stored = Value.ofBytes(v.type(), v.bytes().clone());
            ctx.convenience().put(r.name(), stored);
            return stored;
        }
        throw new JrrException("Cannot modify the recorded program (assignment is only allowed to $convenience variables).");
    }

    private Value unary(String op, Value v) {
        Type s = v.type().strip();
        switch (op) {
            case "*": return deref(v);
            case "&": {
                if (s.kind() == Type.Kind.FUNCTION) return Value.ofLong(Type.Pointer.to(v.type()), v.address().orElse(0));
                long addr = v.address().orElseThrow(() -> new JrrException("Attempt to take address of value not located in memory."));
                return Value.ofLong(Type.Pointer.to(v.type()), addr);
            }
            case "-": return Arithmetic.negate(v);
            case "+": return Arithmetic.promote(v);
            case "!": return Value.ofLong(Literals.INT, Arithmetic.truth(v) ? 0 : 1);
            case "~": {
                Value p = Arithmetic.promote(v);
                if (!(p.type().strip() instanceof Type.Base b) || b.isFloat()) throw new JrrException("Argument to complement operation not an integer, boolean.");
                return Value.ofLong(p.type(), ~p.asLong());
            }
            default: throw new JrrException("unsupported operator " + op);
        }
    }

    Value deref(Value v) {
        Type s = v.type().strip();
        if (s instanceof Type.Pointer p) {
            Type t = p.target();
            if (t.strip().kind() == Type.Kind.VOID) throw new JrrException("Attempt to take contents of a non-pointer value.");
            return Value.inMemory(t, v.asLong(), ctx.target());
        }
        if (s instanceof Type.Reference r) return Value.inMemory(r.target(), v.asLong(), ctx.target());
        if (s instanceof Type.Array a) return v.sub(a.element(), 0);
        if (s.kind() == Type.Kind.FUNCTION) return v;
        if (s instanceof Type.Struct) {
            Optional<Value> held = CxxPrinters.heldPointer(v);
            if (held.isPresent()) return deref(held.get());
            throw new JrrException("Structure has no component named operator*.");
        }
        throw new JrrException("Attempt to take contents of a non-pointer value.");
    }

    private Value member(Value obj, String name, boolean arrow) {
        Value o = obj;
        Type s = o.type().strip();
        // gdb accepts both "p->x" on a structure and "s.x" on a pointer
        if (s instanceof Type.Pointer || s instanceof Type.Reference) {
            o = deref(o);
            s = o.type().strip();
        }
        if (!(s instanceof Type.Struct st)) {
            throw new JrrException("Attempt to extract a component of a value that is not a structure" + (arrow ? " pointer." : "."));
        }
        Optional<Value> found = findMember(o, st, name, 0);
        if (found.isEmpty() && st.isCplus()) found = MethodCalls.methodValue(st, name, ctx);
        return found.orElseThrow(() -> new JrrException("There is no member named " + name + "."));
    }

    /** Finds a member, looking into anonymous structs/unions and base classes as C/C++ do. */
    private Optional<Value> findMember(Value o, Type.Struct st, String name, int depth) {
        if (depth > 16) return Optional.empty();
        for (Type.Member m : st.members()) {
            if (name.equals(m.name()) && !m.baseClass()) {
                return Optional.of(m.isBitField() ? Value.bitField(m.type(), o, m.bitOffset(), m.bitSize()) : o.sub(m.type(), m.offset()));
            }
        }
        for (Type.Member m : st.members()) {
            if ((m.name() == null || m.baseClass()) && m.type().strip() instanceof Type.Struct inner) {
                Optional<Value> v = findMember(o.sub(m.type(), m.offset()), inner, name, depth + 1);
                if (v.isPresent()) return v;
            }
        }
        return Optional.empty();
    }

    private Value index(Value base0, Value idx0) {
        Value base = base0.dereferenced(), idx = idx0.dereferenced();
        Type s = base.type().strip();
        if (!(idx.type().strip() instanceof Type.Base ib) || ib.isFloat()) {
            if (!(idx.type().strip() instanceof Type.Enum)) throw new JrrException("Argument to arithmetic operation not a number or boolean.");
        }
        long i = idx.asLong();
        if (s instanceof Type.Array a) {
            Type el = a.element();
            if (base.address().isPresent()) return Value.inMemory(el, base.address().getAsLong() + i * el.size(), ctx.target());
            if (i < 0 || (a.count() >= 0 && i >= a.count())) throw new JrrException("no such vector element");
            return base.sub(el, i * el.size());
        }
        if (s instanceof Type.Pointer p) {
            Type el = p.target();
            return Value.inMemory(el, base.asLong() + i * Math.max(1, el.size()), ctx.target());
        }
        Optional<Value> contained = CxxPrinters.element(base, i);
        if (contained.isPresent()) return contained.get();
        throw new JrrException("cannot subscript something of type `" + base.type().name() + "'");
    }

    Value cast(Value v0, Type to) {
        Value v = to.strip() instanceof Type.Reference ? v0 : v0.dereferenced();
        Type s = to.strip();
        Type from = v.type().strip();
        if (s instanceof Type.Base b && b.isFloat()) return Value.ofDouble(to, v.asDouble());
        if (s instanceof Type.Base || s instanceof Type.Enum || s instanceof Type.Pointer) {
            if (from instanceof Type.Array && v.address().isPresent()) return Value.ofLong(to, v.address().getAsLong());
            if (from.kind() == Type.Kind.FUNCTION) return Value.ofLong(to, v.address().orElse(0));
            if (from instanceof Type.Struct) throw new JrrException("Invalid cast.");
            long x = v.asLong();
            if (s instanceof Type.Base b && b.isBool()) x = x != 0 ? 1 : 0;
            return Value.ofLong(to, x);
        }
        if (s.size() == from.size()) {
            return v.address().isPresent() ? Value.inMemory(to, v.address().getAsLong(), ctx.target()) : Value.ofBytes(to, v.bytes());
        }
        throw new JrrException("Invalid cast.");
    }

    private Type resolveType(Expr.TypeName tn) {
        Type t = builtinOrNamed(tn.base()).orElseThrow(() -> new JrrException("No symbol \"" + lastWord(tn.base()) + "\" in current context."));
        for (int i = 0; i < tn.pointers(); i++) t = Type.Pointer.to(t);
        return t;
    }

    private static String lastWord(String s) {
        int i = s.lastIndexOf(' ');
        return i < 0 ? s : s.substring(i + 1);
    }

    private Optional<Type> builtinOrNamed(String base) {
        String norm = normalize(base);
        Optional<Type> t = ctx.type(norm);
        if (t.isPresent()) return t;
        if (!norm.equals(base)) {
            t = ctx.type(base);
            if (t.isPresent()) return t;
        }
        return Optional.ofNullable(builtin(norm));
    }

    /** C type words in gdb's canonical spelling ("unsigned" -> "unsigned int", "long int" -> "long"). */
    static String normalize(String base) {
        List<String> words = List.of(base.trim().split("\\s+"));
        if (words.get(0).equals("struct") || words.get(0).equals("union") || words.get(0).equals("enum")) return base.trim();
        boolean unsigned = words.contains("unsigned");
        long longs = words.stream().filter("long"::equals).count();
        boolean shortW = words.contains("short");
        boolean charW = words.contains("char");
        if (words.contains("double")) return longs > 0 ? "long double" : "double";
        if (charW) return unsigned ? "unsigned char" : words.contains("signed") ? "signed char" : "char";
        String core = shortW ? "short" : longs == 1 ? "long" : longs >= 2 ? "long long" : null;
        if (core != null) return unsigned ? "unsigned " + core : core;
        if (unsigned) return "unsigned int";
        if (words.contains("signed") || words.contains("int")) return words.size() == 1 || words.contains("int") ? "int" : base;
        return base.trim();
    }

    private static Type builtin(String n) {
        switch (n) {
            case "int": return Literals.INT;
            case "unsigned int": return Literals.UINT;
            case "long": return Literals.LONG;
            case "unsigned long": return Literals.ULONG;
            case "long long": return Literals.LONGLONG;
            case "unsigned long long": return Literals.ULONGLONG;
            case "short": return Literals.SHORT;
            case "unsigned short": return Literals.USHORT;
            case "char": return Literals.CHAR;
            case "unsigned char": return Literals.UCHAR;
            case "signed char": return Literals.SCHAR;
            case "double": return Literals.DOUBLE;
            case "long double": return Literals.LONGDOUBLE;
            case "float": return Literals.FLOAT;
            case "_Bool": return Literals.BOOL;
            case "void": return Type.Void.INSTANCE;
            default: return null;
        }
    }
}
