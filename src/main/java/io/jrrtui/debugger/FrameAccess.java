package io.jrrtui.debugger;

import io.jrrtui.eval.TargetAccess;
import io.jrrtui.unwind.Frame;
import io.jrrtui.util.JrrException;
import java.util.Optional;
import java.util.function.IntFunction;

/** The evaluator's view of one frame: replay memory plus the registers the unwinder recovered. */
final class FrameAccess implements TargetAccess {
    private final Frame frame;
    private final MemorySource memory;
    private final IntFunction<Optional<TargetAccess>> callers;

    /** Reads program memory (the replay, with breakpoint bytes hidden). */
    @FunctionalInterface
    interface MemorySource {
        byte[] read(long addr, int len);
    }

    FrameAccess(Frame frame, MemorySource memory, IntFunction<Optional<TargetAccess>> callers) {
        this.frame = frame;
        this.memory = memory;
        this.callers = callers;
    }

    @Override
    public byte[] readMemory(long addr, int len) {
        try {
            return memory.read(addr, len);
        } catch (JrrException e) {
            throw new JrrException(String.format("Cannot access memory at address 0x%x", addr));
        }
    }

    @Override
    public long register(int dwarfRegNo) {
        return frame.registers().get(dwarfRegNo).orElseThrow(
                () -> new JrrException("value of register " + dwarfRegNo + " is not available in frame " + frame.level()));
    }

    @Override
    public long cfa() {
        return frame.cfa().orElseThrow(() -> new JrrException("frame " + frame.level() + " has no known frame address"));
    }

    @Override
    public long pc() {
        return frame.pc();
    }

    @Override
    public Optional<TargetAccess> caller() {
        return callers.apply(frame.level() + 1);
    }
}
