package io.jrrtui.trace;

/**
 * Bytes the kernel wrote into the tracee at addr during a syscall (replayed by writing them).
 * knownSha256 is the SHA-256 of data when the recorder already has it (from {@link ContentHashes},
 * for mapped file pieces), else null: it only saves the trace writer hashing the bytes again.
 */
public record MemoryWrite(long addr, byte[] data, byte[] knownSha256) {
    public MemoryWrite(long addr, byte[] data) {
        this(addr, data, null);
    }

    public int length() {
        return data.length;
    }
}
