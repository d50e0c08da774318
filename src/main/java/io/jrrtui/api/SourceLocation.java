package io.jrrtui.api;

/** Where a pc is: function (may be null), file and line (null/0 without line info). */
public record SourceLocation(long pc, String function, String file, int line) {
    /** The function name of a frame in the kernel's signal-return trampoline, as gdb shows it. */
    public static final String SIGNAL_HANDLER_CALLED = "<signal handler called>";

    /** A frame where the kernel called a signal handler (its pc is in the signal-return trampoline). */
    public boolean isSignalTrampoline() {
        return SIGNAL_HANDLER_CALLED.equals(function) && file == null;
    }

    public boolean hasLine() {
        return file != null && line > 0;
    }
}
