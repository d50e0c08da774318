package io.jrrtui.symbols;

/** Where a breakpoint goes: a (biased) address and what it means in source terms. */
public record BreakpointLocation(long address, String function, String file, int line, String displayFile) {
    /** The file without directories. */
    public String baseName() {
        if (file == null) return null;
        int slash = file.lastIndexOf('/');
        return slash < 0 ? file : file.substring(slash + 1);
    }
}
