package io.jrrtui.timeline;

import io.jrrtui.arch.Registers;

/**
 * A position in time: after event {@code event} completed, at the point where the registers are
 * {@code regs}. Without a performance counter the instruction count is unknown, so the position
 * is found again by running from the event with a breakpoint at rip until the registers match
 * (DESIGN §2); the {@code occurrence} disambiguates the rare loops whose registers repeat exactly.
 * {@code tid} is the recorded thread whose registers these are (0: the selected thread): only one
 * thread runs between two events, so its registers identify the point in that interval.
 * {@code base}: the position of a checkpoint inside the same event interval that this position
 * was reached from by forward execution (a pause in a long stretch), so finding it again starts
 * there; -1 when it is found from the event's start.
 * {@code frame}: a fingerprint of the thread's stack around rsp and rbp (0: not taken). Code
 * built without optimisation keeps a loop's counters in the frame, not in registers, so every
 * pass of a loop line has the same registers; the frame tells the passes apart (see
 * {@link StackFrameFingerprint}).
 */
public record Mark(long event, Registers regs, int occurrence, int tid, long base, long frame) implements Comparable<Mark> {
    /** A mark of the program's only (or first) thread. */
    public Mark(long event, Registers regs, int occurrence) {
        this(event, regs, occurrence, 0, -1, 0);
    }

    /** A mark found again from its event's start ({@code base}: see {@link Timeline}, -1 here). */
    public Mark(long event, Registers regs, int occurrence, int tid) {
        this(event, regs, occurrence, tid, -1, 0);
    }

    /** The same position, found again from the checkpoint at key base. */
    Mark basedAt(long newBase) {
        return new Mark(event, regs, occurrence, tid, newBase, frame);
    }

    private static final long FLAGS_IGNORED = (1L << 16) | (1L << 8); // RF, TF: set by the debugger, not the program

    public long rip() {
        return regs.rip();
    }

    /** True when r is the same program state as this mark's (ignoring debugger-only flags). */
    public boolean sameState(Registers r) {
        return r.firstDifference(regs, Registers.EFLAGS, Registers.ORIG_RAX) < 0
                && ((r.get(Registers.EFLAGS) ^ regs.get(Registers.EFLAGS)) & ~FLAGS_IGNORED) == 0;
    }

    /** Orders by event only; marks within one event are ordered by the timeline that made them. */
    @Override
    public int compareTo(Mark o) {
        return Long.compare(event, o.event);
    }

    @Override
    public String toString() {
        return "event " + event + " at 0x" + Long.toHexString(rip()) + (occurrence > 0 ? " #" + occurrence : "");
    }
}
