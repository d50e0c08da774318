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
}
