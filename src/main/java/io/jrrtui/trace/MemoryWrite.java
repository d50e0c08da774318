package io.jrrtui.trace;

/**
 * Bytes the kernel wrote into the tracee at addr during a syscall (replayed by writing them).
 * knownSha256 is the SHA-256 of data when the recorder already has it (from {@link ContentHashes},
 * for mapped file pieces), else null: it only saves the trace writer hashing the bytes again.
 * mappedFile marks a piece of a mapped file (a library, the program): the writer may take its
 * compressed copy from the user's cache of them instead of compressing it again ({@link TraceWriter}).
 */
public record MemoryWrite(long addr, byte[] data, byte[] knownSha256, boolean mappedFile) {
    public MemoryWrite(long addr, byte[] data) {
        this(addr, data, null, false);
    }

    public MemoryWrite(long addr, byte[] data, byte[] knownSha256) {
        this(addr, data, knownSha256, false);
    }

    public int length() {
        return data.length;
    }
}
