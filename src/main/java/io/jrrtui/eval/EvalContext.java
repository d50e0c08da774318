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

    /**
     * Runs a call of a function of the program and returns what it left in the return registers;
     * contexts that cannot run code refuse, saying why.
     */
    default io.jrrtui.arch.FunctionCall.Returned call(io.jrrtui.arch.FunctionCall call) {
        throw new io.jrrtui.util.JrrException("Cannot call " + call.name() + "() here: there is no process to run it in.");
    }

    /** A name found outside the scope (another module's symbol), after {@link #variable} found nothing. */
    default Optional<Value> elsewhere(String name) {
        return Optional.empty();
    }

    /** A function of another module (no debug information there) a call may name; empty when none. */
    default java.util.OptionalLong functionElsewhere(String name) {
        return java.util.OptionalLong.empty();
    }
}
