package io.jrrtui.trace;

import io.jrrtui.arch.Registers;

/**
 * The recorder switched a task out in the middle of user code (its timeslice ran out, or chaos
 * mode chose to). Replay runs the task to the same point: the first time it reaches rip with the
 * same registers (DESIGN §2).
 */
public record PreemptEvent(long number, int tid, Registers regs) implements Event {
    @Override
    public String describe() {
        return "preempted at 0x" + Long.toHexString(regs.rip());
    }
}
