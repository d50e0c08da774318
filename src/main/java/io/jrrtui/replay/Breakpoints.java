package io.jrrtui.replay;

import io.jrrtui.sys.TraceeMemory;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Software breakpoints (int3) in the live process. They are lifted before a checkpoint is forked,
 * so checkpoints hold the program's real code, and put back into whichever process is live.
 */
final class Breakpoints {
    private static final byte INT3 = (byte) 0xcc;
    private final Map<Long, Byte> original = new HashMap<>();
    private boolean inserted;

    Set<Long> addresses() {
        return original.keySet();
    }

    boolean contains(long addr) {
        return original.containsKey(addr);
    }

    void add(long addr, TraceeMemory mem) {
        if (original.containsKey(addr)) return;
        if (inserted) {
            byte b = mem.read(addr, 1)[0];
            original.put(addr, b);
            mem.write(addr, new byte[] {INT3});
        } else {
            original.put(addr, (byte) 0);
        }
    }

    void remove(long addr, TraceeMemory mem) {
        Byte b = original.remove(addr);
        if (b != null && inserted) mem.write(addr, new byte[] {b});
    }

    /** Writes int3 at every address (reading the original bytes first). */
    void insert(TraceeMemory mem) {
        if (inserted) return;
        for (Map.Entry<Long, Byte> e : original.entrySet()) {
            e.setValue(mem.read(e.getKey(), 1)[0]);
            mem.write(e.getKey(), new byte[] {INT3});
        }
        inserted = true;
    }

    /** Puts the original bytes back. */
    void lift(TraceeMemory mem) {
        if (!inserted) return;
        for (Map.Entry<Long, Byte> e : original.entrySet()) mem.write(e.getKey(), new byte[] {e.getValue()});
        inserted = false;
    }

    /** Records a breakpoint without touching memory (the process it was in is gone). */
    void addLifted(long addr) {
        original.put(addr, (byte) 0);
    }

    /** Forgets that int3 bytes are in memory: the live process was replaced by a clean fork. */
    void markLifted() {
        inserted = false;
    }

    /** The original byte at addr if a breakpoint covers it (for memory reads that must not show int3). */
    Byte originalAt(long addr) {
        return inserted ? original.get(addr) : null;
    }
}
