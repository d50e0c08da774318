package io.jrrtui.replay;

import io.jrrtui.sys.TraceeMemory;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The breakpoints of the live process: the first few in debug registers when they work here
 * ({@link HardwareSlots}: a hit is one trap, nothing to step over, no memory written), the rest
 * as int3 instructions. int3s are lifted before a checkpoint is forked, so checkpoints hold the
 * program's real code, and put back into whichever process is live.
 */
final class Breakpoints {
    private static final byte INT3 = (byte) 0xcc;
    private final Map<Long, Byte> original = new HashMap<>();
    private boolean inserted;
    /** The addresses held in debug registers instead of int3s. */
    final HardwareSlots hardware = new HardwareSlots();

    Set<Long> addresses() {
        return original.keySet();
    }

    boolean contains(long addr) {
        return original.containsKey(addr);
    }

    /** Breakpoints whose code is not mapped yet (a library not loaded at this point in time). */
    private final java.util.Set<Long> pending = new java.util.HashSet<>();

    void add(long addr, TraceeMemory mem) {
        if (original.containsKey(addr)) return;
        original.put(addr, (byte) 0);
        if (hardware.take(addr)) return;
        if (inserted) arm(addr, mem);
    }

    /** Writes int3 at addr if the code is there; otherwise it stays pending. */
    private void arm(long addr, TraceeMemory mem) {
        if (hardware.holds(addr)) return;
        byte[] b = new byte[1];
        if (mem.readPartial(addr, b) != 1) {
            pending.add(addr);
            return;
        }
        original.put(addr, b[0]);
        mem.write(addr, new byte[] {INT3});
        pending.remove(addr);
    }

    /** Arms pending breakpoints whose code has been mapped since (called after events). */
    void armPending(TraceeMemory mem) {
        if (!inserted || pending.isEmpty()) return;
        for (long a : new java.util.ArrayList<>(pending)) arm(a, mem);
    }

    /**
     * Arms again the breakpoints whose int3 a new mapping replaced (the byte there is the new
     * code's), and parks those whose code was unmapped as pending.
     */
    void rearmReplaced(TraceeMemory mem) {
        if (!inserted) return;
        byte[] b = new byte[1];
        for (long a : new java.util.ArrayList<>(original.keySet())) {
            if (pending.contains(a) || hardware.holds(a)) continue;
            if (mem.readPartial(a, b) != 1) pending.add(a);
            else if (b[0] != INT3) arm(a, mem);
        }
    }

    /**
     * The process exec'd: its new memory holds none of the int3s, so no byte may be put back;
     * each address waits, like a library not loaded yet, until code is mapped there.
     */
    void replacedByExec() {
        if (!inserted) return;
        for (long a : original.keySet()) if (!hardware.holds(a)) pending.add(a);
    }

    /** Forgets addr, putting its original byte back into mem (null: the process is gone). */
    void remove(long addr, TraceeMemory mem) {
        Byte b = original.remove(addr);
        if (b != null && hardware.release(addr)) return;
        if (b != null && inserted && !pending.remove(addr) && mem != null) mem.write(addr, new byte[] {b});
    }

    /** Writes int3 at every address (reading the original bytes first). */
    void insert(TraceeMemory mem) {
        if (inserted) return;
        inserted = true;
        hardware.enable(true);
        pending.clear();
        for (long a : new java.util.ArrayList<>(original.keySet())) arm(a, mem);
    }

    /** Puts the original bytes back. */
    void lift(TraceeMemory mem) {
        if (!inserted) return;
        for (Map.Entry<Long, Byte> e : original.entrySet()) {
            if (!pending.contains(e.getKey()) && !hardware.holds(e.getKey())) mem.write(e.getKey(), new byte[] {e.getValue()});
        }
        inserted = false;
        hardware.enable(false);
    }

    /** Records a breakpoint without touching memory (the process it was in is gone). */
    void addLifted(long addr) {
        original.put(addr, (byte) 0);
        hardware.take(addr);
    }

    /** Forgets that int3 bytes are in memory: the live process was replaced by a clean fork. */
    void markLifted() {
        inserted = false;
        hardware.enable(false);
    }

    /** Puts the original bytes of the int3s inside [addr, addr + b.length) into b (a read of that range). */
    void unmask(long addr, byte[] b) {
        if (!inserted || original.isEmpty()) return;
        for (Map.Entry<Long, Byte> e : original.entrySet()) {
            long i = e.getKey() - addr;
            if (i >= 0 && i < b.length && !pending.contains(e.getKey()) && !hardware.holds(e.getKey())) b[(int) i] = e.getValue();
        }
    }

    /** Whether an int3 of a breakpoint is in memory at addr. */
    boolean armed(long addr) {
        return inserted && original.containsKey(addr) && !pending.contains(addr) && !hardware.holds(addr);
    }

    /** Whether a breakpoint in a debug register is armed at addr. */
    boolean armedInHardware(long addr) {
        return inserted && hardware.holds(addr);
    }
}
