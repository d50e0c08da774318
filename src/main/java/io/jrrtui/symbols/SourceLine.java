package io.jrrtui.symbols;

/**
 * A line-table answer for an address: the file and line, and the address range [startPc, endPc) of
 * that line entry (unbiased addresses are converted by the module before they reach callers).
 */
public record SourceLine(String file, int line, int column, long startPc, long endPc, boolean isStmt, String symtabName) {
    /**
     * The file name as gdb shows it in breakpoint messages and backtraces ({@code symtab->filename}):
     * the unit's DW_AT_name for its primary file, else the line table's directory and name.
     */
    public String displayName() { return symtabName; }

    /** The file name without directories. */
    public String baseName() {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }

    SourceLine rebased(long bias) {
        return new SourceLine(file, line, column, startPc + bias, endPc + bias, isStmt, symtabName);
    }
}
