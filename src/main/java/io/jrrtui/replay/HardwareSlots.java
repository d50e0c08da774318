package io.jrrtui.replay;

import io.jrrtui.sys.DebugRegisters;
import io.jrrtui.sys.Ptrace;

/**
 * Breakpoints held in debug registers DR0-DR2 (DR3 is the preemption search's, see
 * {@link EventReplayer}). Why: an int3 hit costs two stops (the trap, then a single-step over the
 * restored instruction) and five memory accesses; a debug-register hit is one stop, and the
 * kernel sets RF so resuming runs the instruction without trapping again. A reverse search's
 * last piece is scanned hit by hit (thousands of hits of a loop's line), so this is most of its
 * time. Used only where {@link DebugRegisters#executionBreakpointsWork} proved they fire.
 *
 * <p>Debug registers are per thread and are not inherited by clone, fork or exec, so each
 * thread of the debugged process gets them written before it runs ({@link #applyTo}); the
 * version says whether a thread's copy is current.
 */
final class HardwareSlots {
    static final int SLOTS = 3;
    private final long[] address = new long[SLOTS];
    private final boolean[] used = new boolean[SLOTS];
    private boolean enabled;
    /** Bumped at every change of what the registers should hold. */
    private int version = 1;

    /** Puts addr into a free slot when debug registers work here; false: it stays an int3. */
    boolean take(long addr) {
        if (holds(addr)) return true;
        if (!DebugRegisters.executionBreakpointsWork()) return false;
        for (int i = 0; i < SLOTS; i++) {
            if (!used[i]) {
                used[i] = true;
                address[i] = addr;
                version++;
                return true;
            }
        }
        return false;
    }

    /** Frees addr's slot; false when it had none. */
    boolean release(long addr) {
        for (int i = 0; i < SLOTS; i++) {
            if (used[i] && address[i] == addr) {
                used[i] = false;
                address[i] = 0;
                version++;
                return true;
            }
        }
        return false;
    }

    boolean holds(long addr) {
        for (int i = 0; i < SLOTS; i++) if (used[i] && address[i] == addr) return true;
        return false;
    }

    boolean any() {
        for (boolean u : used) if (u) return true;
        return false;
    }

    /** Arms (breakpoints inserted) or disarms (stops off, a checkpoint being forked) the slots. */
    void enable(boolean on) {
        if (enabled != on) {
            enabled = on;
            version++;
        }
    }

    int version() {
        return version;
    }

    /** Writes the slots into thread tid (DR0-DR2 and DR7; DR3 left to the preemption search). */
    void applyTo(int tid) {
        long dr7 = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (!used[i] || !enabled) continue;
            Ptrace.setDebugReg(tid, i, address[i]);
            dr7 |= 1L << (2 * i); // local enable; R/W 00 (execute) and LEN 00 (one byte)
        }
        Ptrace.setDebugReg(tid, 7, dr7);
    }

    /** The address of the armed slot DR6 reports as met, or -1. */
    long hit(long dr6) {
        if (!enabled) return -1;
        for (int i = 0; i < SLOTS; i++) if (used[i] && (dr6 & (1L << i)) != 0) return address[i];
        return -1;
    }
}
