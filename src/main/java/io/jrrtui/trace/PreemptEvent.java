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
 *
 * <p>{@code xstate} is the task's XSAVE image then (x87, SSE, AVX...; empty in traces made before
 * it was recorded) and {@code allMemory} says that memory holds every writable region of the
 * process (none shared, none too large to snapshot). With both, putting the task there is exact,
 * and replay does so without running the stretch when nothing can stop in it.
 */
public record PreemptEvent(long number, int tid, Registers regs, List<MemoryWrite> memory, byte[] xstate, boolean allMemory) implements Event {
    /** A preemption of a trace made before the XSAVE state was recorded. */
    public PreemptEvent(long number, int tid, Registers regs, List<MemoryWrite> memory) {
        this(number, tid, regs, memory, new byte[0], false);
    }

    /** Whether the recorded state is the task's whole state at the point (see above). */
    public boolean exact() {
        return xstate.length > 0 && allMemory;
    }

    @Override
    public String describe() {
        long bytes = memory.stream().mapToLong(MemoryWrite::length).sum();
        return "preempted at 0x" + Long.toHexString(regs.rip()) + " [" + bytes + " bytes of writable memory]";
    }
}
