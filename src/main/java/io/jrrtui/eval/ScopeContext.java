package io.jrrtui.eval;

import io.jrrtui.dwarf.Die;
import io.jrrtui.dwarf.Dw;
import io.jrrtui.symbols.FunctionInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link EvalContext} of one frame: its {@link FrameScope} for variables, the module's functions
 * ({@code main}, {@code counter::calls} for a function's static local) and named types.
 */
public final class ScopeContext implements EvalContext {
    private final FrameScope scope;
    private final Map<String, Value> convenience;
    /** Runs calls of the program's functions (null: none can run here). */
    private final ProgramCalls caller;

    public ScopeContext(FrameScope scope, Map<String, Value> convenience, ProgramCalls caller) {
        this.scope = scope;
        this.convenience = convenience;
        this.caller = caller;
    }

    public ScopeContext(FrameScope scope, Map<String, Value> convenience) {
        this(scope, convenience, null);
    }

    @Override
    public io.jrrtui.arch.FunctionCall.Returned call(io.jrrtui.arch.FunctionCall call) {
        return caller != null ? caller.call(call) : EvalContext.super.call(call);
    }

    @Override
    public java.util.OptionalLong functionElsewhere(String name) {
        return caller != null ? caller.functionElsewhere(name) : java.util.OptionalLong.empty();
    }

    @Override
    public Optional<Value> elsewhere(String name) {
        return caller != null ? caller.elsewhere(name, scope.target()) : Optional.empty();
    }

    public ScopeContext(FrameScope scope) {
        this(scope, new HashMap<>());
    }

    @Override public Optional<Value> variable(String name) {
        Optional<Variable> v = scope.lookup(name);
        if (v.isPresent()) return Optional.of(scope.value(v.get()));
        int sep = name.lastIndexOf("::");
        if (sep > 0) {
            Optional<Value> st = staticLocal(name.substring(0, sep), name.substring(sep + 2));
            if (st.isPresent()) return st;
            Optional<Variable> inFile = scope.lookupInFile(name.substring(0, sep), name.substring(sep + 2));
            if (inFile.isPresent()) return Optional.of(scope.value(inFile.get()));
        }
        return function(name);
    }

    private Optional<Value> function(String name) {
        for (FunctionInfo f : scope.module().functionsNamed(name)) {
            Type t = f.die().map(d -> scope.types().of(d)).orElse(new Type.Function(FunctionCalls.UNKNOWN_RETURN, java.util.List.of(), false, false));
            return Optional.of(Value.inMemory(t, f.entryPc(), scope.target()));
        }
        return Optional.empty();
    }

    /** {@code func::var}: a static variable declared inside a function. */
    private Optional<Value> staticLocal(String func, String var) {
        for (FunctionInfo f : scope.module().functionsNamed(func)) {
            if (f.die().isEmpty()) continue;
            Optional<Die> d = findVariable(f.die().get(), var, 0);
            if (d.isEmpty()) d = f.die().get().origin().flatMap(o -> findVariable(o, var, 0));
            if (d.isPresent()) return Optional.of(scope.value(new Variable(var, d.get(), Variable.Kind.STATIC_LOCAL)));
        }
        return Optional.empty();
    }

    private static Optional<Die> findVariable(Die scope, String name, int depth) {
        if (depth > 32) return Optional.empty();
        for (Die c : scope.children()) {
            if (c.tag() == Dw.TAG_variable && c.name().map(name::equals).orElse(false)) return Optional.of(c);
            if (c.tag() == Dw.TAG_lexical_block) {
                Optional<Die> inner = findVariable(c, name, depth + 1);
                if (inner.isPresent()) return inner;
            }
        }
        return Optional.empty();
    }

    @Override public Optional<Type> type(String name) {
        return scope.module().dwarf().flatMap(d -> scope.types().named(d, name));
    }

    @Override public TargetAccess target() { return scope.target(); }

    @Override public Map<String, Value> convenience() { return convenience; }
}
