package io.jrrtui.debugger;

import io.jrrtui.arch.Registers;
import io.jrrtui.eval.FrameScope;
import io.jrrtui.eval.TargetAccess;
import io.jrrtui.eval.TypeFactory;
import io.jrrtui.unwind.Frame;
import io.jrrtui.unwind.Unwinder;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The frames of the program at one tracer stop, unwound only as deep as asked. */
final class CallTraceFrames {
    private final CallTraceTarget target;
    private final CallTraceImage image;
    private final Registers regs;
    private List<Frame> frames = List.of();

    CallTraceFrames(CallTraceTarget target, CallTraceImage image, Registers regs) {
        this.target = target;
        this.image = image;
        this.regs = regs;
    }

    Registers registers() {
        return regs;
    }

    /** At least min(count, stack depth) frames, innermost first. */
    List<Frame> frames(int count) {
        if (frames.size() < count) {
            long[] dwarf = new long[17];
            for (int i = 0; i < dwarf.length; i++) dwarf[i] = regs.dwarf(i);
            Unwinder u = new Unwinder(this::readU64, image.unwindModules(), Math.max(count, 1));
            frames = u.unwind(io.jrrtui.unwind.Registers.of(dwarf));
        }
        return frames;
    }

    OptionalLong readU64(long addr) {
        try {
            return OptionalLong.of(ByteBuffer.wrap(target.readMemory(addr, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong());
        } catch (JrrException e) {
            return OptionalLong.empty();
        }
    }

    TargetAccess access(int level) {
        List<Frame> fs = frames(level + 1);
        if (level >= fs.size()) throw new JrrException("No frame at level " + level + ".");
        return new FrameAccess(fs.get(level), target::readMemory,
                l -> l < frames(l + 1).size() ? Optional.of(access(l)) : Optional.empty());
    }

    /** The scope of frame 0 in f's module (for its parameters). */
    FrameScope scope(CallTraceFunction f, TypeFactory types) {
        return new FrameScope(f.module().symbols(), types, null, access(0), regs.rip());
    }
}
