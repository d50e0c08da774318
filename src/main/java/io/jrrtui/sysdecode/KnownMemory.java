package io.jrrtui.sysdecode;

import io.jrrtui.trace.MemoryWrite;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Tracee memory the recording knows at one moment: bytes starting at an address, as far as they are
 * known. A decoder never prints memory it does not know; it prints the pointer instead.
 */
interface KnownMemory {
    /** The known bytes from addr on, at most max of them (empty when addr itself is unknown). */
    byte[] known(long addr, int max);

    /** Exactly len bytes at addr, or null when any of them is unknown. */
    default ByteBuffer exactly(long addr, int len) {
        if (addr == 0 || len < 0) return null;
        byte[] b = known(addr, len);
        return b.length == len ? ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN) : null;
    }

    /** A NUL-terminated string at addr (without the NUL), or null when its end is not known. */
    default byte[] cString(long addr, int max) {
        if (addr == 0) return null;
        byte[] b = known(addr, max + 1);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) return java.util.Arrays.copyOf(b, i);
        }
        return null;
    }

    KnownMemory NOTHING = (addr, max) -> new byte[0];

    /** What the kernel wrote during one call (its output arguments). */
    static KnownMemory of(List<MemoryWrite> writes) {
        return (addr, max) -> {
            if (max <= 0) return new byte[0];
            for (MemoryWrite w : writes) {
                long off = addr - w.addr();
                if (off >= 0 && off < w.length()) {
                    int n = (int) Math.min(max, w.length() - off);
                    return java.util.Arrays.copyOfRange(w.data(), (int) off, (int) off + n);
                }
            }
            return new byte[0];
        };
    }
}
