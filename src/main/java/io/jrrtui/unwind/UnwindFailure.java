package io.jrrtui.unwind;

/**
 * Internal: a frame's caller cannot be recovered (unreadable memory, unsupported expression). The
 * unwinder ends the backtrace there instead of failing.
 */
final class UnwindFailure extends Exception {
    private static final long serialVersionUID = 1L;

    UnwindFailure(String why) {
        super(why, null, false, false);
    }
}
