package io.jrrtui.timeline;

import io.jrrtui.arch.Registers;
import io.jrrtui.target.Target;

/**
 * A fingerprint of a thread's current stack frame: the bytes around rsp (the red zone below it,
 * where a leaf function built without optimisation keeps its locals, and the words above) and,
 * when rbp points near, the bytes below rbp (the locals of a frame with a frame pointer).
 *
 * <p>Why: a position is found again by running until the thread's registers match (no instruction
 * counter here), and in code built without optimisation every pass of a loop line can have the
 * very same registers, the loop counter living in the frame (mt_racy_counter's {@code counter =
 * seen + 1}: rip, rsp, rbp and rax equal on all 10 million passes). Without the frame, going to
 * the last hit of a reverse search stopped at the first pass after the checkpoint it started from.
 * What is left ambiguous: a loop whose every changing value lives outside the frame and the
 * registers (a global only).
 */
final class StackFrameFingerprint {
    private static final int BELOW_RSP = 128, ABOVE_RSP = 128, BELOW_RBP = 256, ABOVE_RBP = 16;
    /** rbp farther than this from rsp is taken as not a frame pointer of the current frame. */
    private static final long NEAR = 64 * 1024;

    private StackFrameFingerprint() {}

    /**
     * The fingerprint of the frame regs describe (a thread of program; regs read now); never 0.
     * -Djrrtui.timeline.noFrameMarks=true (diagnostic only: it brings back the wrong answers
     * described above) makes it 0, marks then being registers only.
     */
    static long of(Target program, Registers regs) {
        if (Boolean.getBoolean("jrrtui.timeline.noFrameMarks")) return 0;
        long h = 0xcbf29ce484222325L;
        h = mix(h, read(program, regs.rsp() - BELOW_RSP, BELOW_RSP + ABOVE_RSP));
        long rbp = regs.get(Registers.RBP);
        if (rbp > regs.rsp() && rbp - regs.rsp() < NEAR) h = mix(h, read(program, rbp - BELOW_RBP, BELOW_RBP + ABOVE_RBP));
        return h == 0 ? 1 : h;
    }

    private static byte[] read(Target program, long addr, int len) {
        try {
            return program.readMemory(addr, len);
        } catch (RuntimeException e) {
            return new byte[0]; // unreadable (the stack's top page): the registers decide
        }
    }

    /** FNV-1a over the bytes. */
    private static long mix(long h, byte[] bytes) {
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
