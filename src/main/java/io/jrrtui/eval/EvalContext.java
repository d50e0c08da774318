package io.jrrtui.eval;

import java.util.Map;
import java.util.Optional;

/** What the expression evaluator may look up: variables and functions, named types, the target. */
public interface EvalContext {
    /** A variable or function visible in the current scope. */
    Optional<Value> variable(String name);

    /** A named type: {@code int}, {@code struct point}, {@code point_t}. */
    Optional<Type> type(String name);

    TargetAccess target();

    /** Convenience variables ({@code $foo}); assignments store into this map. */
    Map<String, Value> convenience();
}
