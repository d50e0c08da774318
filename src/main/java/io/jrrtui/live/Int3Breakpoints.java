package io.jrrtui.live;

import io.jrrtui.sys.TraceeMemory;
import java.util.HashMap;
import java.util.Map;

/** int3 bytes planted in a live program, with the code bytes they replaced. */
final class Int3Breakpoints {
    private static final byte INT3 = (byte) 0xcc;
    private final Map<Long, Byte> original = new HashMap<>();

    boolean contains(long addr) {
        return original.containsKey(addr);
    }

    java.util.Set<Long> addresses() {
        return java.util.Set.copyOf(original.keySet());
    }

    void add(TraceeMemory mem, long addr) {
        if (original.containsKey(addr)) return;
        original.put(addr, mem.read(addr, 1)[0]);
        mem.write(addr, new byte[] {INT3});
    }

    /** Forgets addr; puts its code byte back unless the program is gone (mem null). */
    void remove(TraceeMemory mem, long addr) {
        Byte b = original.remove(addr);
        if (b != null && mem != null) mem.write(addr, new byte[] {b});
    }

    /** Puts the code byte back while a thread steps over addr. */
    void lift(TraceeMemory mem, long addr) {
        mem.write(addr, new byte[] {original.get(addr)});
    }

    void plant(TraceeMemory mem, long addr) {
        mem.write(addr, new byte[] {INT3});
    }

    /** Replaces int3 bytes in b (read at addr) by the code they cover. */
    void hide(long addr, byte[] b) {
        for (Map.Entry<Long, Byte> e : original.entrySet()) {
            long off = e.getKey() - addr;
            if (off >= 0 && off < b.length) b[(int) off] = e.getValue();
        }
    }

    /** Restores every code byte in another address space (a forked child's copy). */
    void clear(TraceeMemory other) {
        for (Map.Entry<Long, Byte> e : original.entrySet()) other.write(e.getKey(), new byte[] {e.getValue()});
    }
}
