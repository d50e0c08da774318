package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import java.util.function.Function;

/**
 * What jrrtui knows about one syscall: how replay treats it, which memory it writes, and (for
 * calls such as ioctl whose meaning depends on an argument) why a particular use cannot be
 * recorded.
 */
record SyscallSpec(int number, String name, Disposition disposition, OutputRule outputs,
        Function<Registers, String> refusal) {

    /** A reason this particular call cannot be recorded, or null when it can. */
    String refuse(Registers regs) {
        return refusal == null ? null : refusal.apply(regs);
    }
}
