package io.jrrtui.trace;

/** Bytes the kernel wrote into the tracee at addr during a syscall (replayed by writing them). */
public record MemoryWrite(long addr, byte[] data) {
    public int length() {
        return data.length;
    }
}
