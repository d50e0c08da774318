package io.jrrtui.replay;

import io.jrrtui.sys.Ptrace;

/**
 * The four x86 debug-register slots: hardware watchpoints (write, read/write) and execution
 * breakpoints. Only execution breakpoints go into the debug registers; data watches are kept here
 * for their slot numbers and implemented by {@link PageWatch}, because debug registers do not fire
 * on some hypervisors (these VMs). Debug registers are not inherited by fork: re-applied to the live process.
 */
final class Watchpoints {
    /** What a slot watches. */
    enum Kind { EXECUTE, WRITE, ACCESS }

    private record Slot(long addr, int len, Kind kind) {}

    private final Slot[] slots = new Slot[4];

    int set(long addr, int len, Kind kind) {
        if (len != 1 && len != 2 && len != 4 && len != 8) throw new io.jrrtui.util.JrrException("a watchpoint covers 1, 2, 4 or 8 bytes, not " + len);
        if (kind != Kind.EXECUTE && addr % len != 0) throw new io.jrrtui.util.JrrException(String.format("0x%x is not aligned to %d bytes for a hardware watchpoint", addr, len));
        for (int i = 0; i < 4; i++) {
            if (slots[i] == null) {
                slots[i] = new Slot(addr, kind == Kind.EXECUTE ? 1 : len, kind);
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

    /** Writes DR0-3 and DR7 of pid. */
    void apply(int pid) {
        long dr7 = 0;
        for (int i = 0; i < 4; i++) {
            Slot s = slots[i];
            if (s == null || s.kind() != Kind.EXECUTE) continue; // data watches: PageWatch
            Ptrace.setDebugReg(pid, i, s.addr());
            long rw = switch (s.kind()) {
                case EXECUTE -> 0;
                case WRITE -> 1;
                case ACCESS -> 3;
            };
            long len = switch (s.len()) {
                case 1 -> 0;
                case 2 -> 1;
                case 8 -> 2;
                default -> 3;
            };
            dr7 |= (1L << (2 * i)) | (rw << (16 + 4 * i)) | (len << (18 + 4 * i));
        }
        Ptrace.setDebugReg(pid, 7, dr7);
    }

    /** Which slot triggered (from DR6), clearing DR6; -1 if none. */
    int triggered(int pid) {
        long dr6 = Ptrace.getDebugReg(pid, 6);
        Ptrace.setDebugReg(pid, 6, 0);
        for (int i = 0; i < 4; i++) if ((dr6 & (1L << i)) != 0 && slots[i] != null) return i;
        return -1;
    }
}
