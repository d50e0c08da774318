package io.jrrtui.unwind;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One frame of a backtrace.
 *
 * @param level 0 for the innermost frame
 * @param pc the frame's pc: the current instruction for frame 0 and for frames a signal interrupted,
 *        otherwise the return address
 * @param pcIsExact true when pc is the instruction being executed rather than a return address
 * @param cfa the frame's canonical frame address (gdb's "frame at"), when its CFI or frame pointer gave one
 * @param registers the frame's registers as recovered (unknown where they could not be recovered)
 * @param reachedBy how this frame's registers were recovered from the frame below it
 * @param signalTrampoline true when pc is in the kernel's signal return trampoline (gdb's
 *        "&lt;signal handler called&gt;")
 * @param module the module containing pc, when the lookup knows it
 */
public record Frame(int level, long pc, boolean pcIsExact, OptionalLong cfa, Registers registers, How reachedBy,
        boolean signalTrampoline, Optional<UnwindModule> module) {
    /** How a frame was found. */
    public enum How {
        /** The register set the unwind started from. */
        INNERMOST,
        /** The callee's call-frame information. */
        CFI,
        /** The sigcontext saved by the kernel, read through a signal trampoline without CFI. */
        SIGNAL_CONTEXT,
        /** The callee's saved frame pointer: a guess used where no CFI exists. */
        FRAME_POINTER
    }

    /** The address to use for symbol, line and CFI lookup: a return address minus one. */
    public long lookupPc() {
        return pcIsExact ? pc : pc - 1;
    }
}
