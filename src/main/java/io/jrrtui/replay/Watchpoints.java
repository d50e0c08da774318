package io.jrrtui.replay;

/**
 * The slot numbers of data watchpoints (write, read/write), four as x86 has debug registers. The
 * watches themselves are implemented by {@link PageWatch}, because data debug registers did not
 * fire on some hypervisors (some of these VMs); execution breakpoints in debug registers are
 * {@link HardwareSlots}'.
 */
final class Watchpoints {
    /** What a slot watches. */
    enum Kind { WRITE, ACCESS }

    private record Slot(long addr, int len, Kind kind) {}

    private final Slot[] slots = new Slot[4];

    int set(long addr, int len, Kind kind) {
        if (len != 1 && len != 2 && len != 4 && len != 8) throw new io.jrrtui.util.JrrException("a watchpoint covers 1, 2, 4 or 8 bytes, not " + len);
        if (addr % len != 0) throw new io.jrrtui.util.JrrException(String.format("0x%x is not aligned to %d bytes for a hardware watchpoint", addr, len));
        for (int i = 0; i < 4; i++) {
            if (slots[i] == null) {
                slots[i] = new Slot(addr, len, kind);
                return i;
            }
        }
        throw new io.jrrtui.util.JrrException("all 4 hardware debug registers are in use");
    }

    void clear(int slot) {
        slots[slot] = null;
    }

    long address(int slot) {
        return slots[slot] == null ? 0 : slots[slot].addr();
    }
}
