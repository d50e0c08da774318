package io.jrrtui.trace;

import io.jrrtui.arch.Registers;
import java.util.List;

/**
 * The recorder switched a task out in the middle of user code (its timeslice ran out, chaos mode
 * chose to, or a held-back signal had to be delivered). Replay runs the task to the same point —
 * the first time it is at rip with the same registers and the same memory — and, where that is
 * too far or ambiguous, puts the task there directly: {@code memory} is the process's writable
 * memory at that moment (zero pages left out), so registers plus memory are the whole state the
 * task's syscall-free stretch produced.
 */
public record PreemptEvent(long number, int tid, Registers regs, List<MemoryWrite> memory) implements Event {
    @Override
    public String describe() {
        long bytes = memory.stream().mapToLong(MemoryWrite::length).sum();
        return "preempted at 0x" + Long.toHexString(regs.rip()) + " [" + bytes + " bytes of writable memory]";
    }
}
