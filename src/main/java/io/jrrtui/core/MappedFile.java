package io.jrrtui.core;

/** One NT_FILE entry: the file {@code path} was mapped at {@code [start, end)} from byte {@code fileOffset}. */
public record MappedFile(long start, long end, long fileOffset, String path) {
    public boolean contains(long address) {
        return Long.compareUnsigned(address - start, end - start) < 0;
    }
}
