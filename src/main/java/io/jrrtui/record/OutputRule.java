package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import java.util.List;

/** Computes the memory ranges a completed syscall wrote, from its arguments and result. */
@FunctionalInterface
interface OutputRule {
    OutputRule NONE = (regs, result, mem, out) -> {};

    /**
     * @param regs   registers at syscall entry (arguments)
     * @param result the syscall's return value
     * @param mem    reads tracee memory (for sizes held in memory, iovec arrays, msghdr...)
     * @param out    receives the ranges written
     */
    void ranges(Registers regs, long result, MemoryPeek mem, List<Range> out);

    /** An address range in the tracee. */
    record Range(long addr, long length) {}

    /** Reads small values from tracee memory. */
    interface MemoryPeek {
        long u64(long addr);

        int u32(long addr);
    }
}
