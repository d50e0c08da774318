package io.jrrtui.api;

/** Where a pc is: function (may be null), file and line (null/0 without line info). */
public record SourceLocation(long pc, String function, String file, int line) {
    public boolean hasLine() {
        return file != null && line > 0;
    }
}
