package io.jrrtui.api;

/**
 * Where a pc is: function (may be null), file and line (null/0 without line info); shownFile is the
 * file's name as gdb shows it (its symtab's: the unit's DW_AT_name or the line table's directory and
 * name, {@code ./stdio-common/printf.c}), null when unknown.
 */
public record SourceLocation(long pc, String function, String file, int line, String shownFile) {
    public SourceLocation(long pc, String function, String file, int line) {
        this(pc, function, file, line, null);
    }

    /** The file as gdb names it in frames and stop lines: shownFile, else the file's last component. */
    public String displayFile() {
        if (shownFile != null) return shownFile;
        if (file == null) return "??";
        int slash = file.lastIndexOf('/');
        return slash >= 0 ? file.substring(slash + 1) : file;
    }

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
