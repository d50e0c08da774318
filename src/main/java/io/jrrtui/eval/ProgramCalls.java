package io.jrrtui.eval;

import io.jrrtui.arch.FunctionCall;
import java.util.OptionalLong;

/** How a frame's evaluation calls the program's functions: where a call runs, and functions found outside the frame's module. */
public interface ProgramCalls {
    /** Runs the call (see {@link EvalContext#call}). */
    FunctionCall.Returned call(FunctionCall call);

    /**
     * The address of a function named name in another loaded module (a shared library's symbol,
     * without debug information); empty when there is none.
     */
    OptionalLong functionElsewhere(String name);

    /**
     * A name the frame's own module does not know, as gdb finds it in the other loaded modules:
     * another module's global or function with debug information, else a function's ELF symbol
     * (a value gdb prints as {@code <text variable, no debug info>}). Not used for the callee of a
     * call by name, which {@link #functionElsewhere} decides.
     */
    default java.util.Optional<Value> elsewhere(String name, TargetAccess target) {
        return java.util.Optional.empty();
    }
}
