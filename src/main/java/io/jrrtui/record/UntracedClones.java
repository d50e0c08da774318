package io.jrrtui.record;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Syscalls;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.TraceeMemory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * CLONE_UNTRACED would hide the new task from the recorder (and from replay): the flag is taken out
 * of clone/clone3 while the kernel reads it, and put back where the program can see it (clone's
 * first argument register in parent and child, clone3's struct in memory) as soon as the task exists.
 */
public final class UntracedClones {
    public static final long CLONE_UNTRACED = 0x00800000L;
    private static final long SYS_CLONE = 56, SYS_CLONE3 = Syscalls.number("clone3");

    private UntracedClones() {}

    /** The clone flags the call at regs passes (0 for other calls). */
    public static long flags(Registers regs, TraceeMemory mem) {
        if (regs.origRax() == SYS_CLONE) return regs.arg(0);
        if (regs.origRax() == SYS_CLONE3) return mem.readLong(regs.arg(0));
        return 0;
    }

    /** At clone's entry stop: drops CLONE_UNTRACED; true when it was there. */
    static boolean strip(int tid, TraceeMemory mem, Registers regs) {
        long flags = flags(regs, mem);
        if ((flags & CLONE_UNTRACED) == 0) return false;
        if (regs.origRax() == SYS_CLONE) Ptrace.setRegs(tid, regs.withArg(0, flags & ~CLONE_UNTRACED));
        else writeLong(mem, regs.arg(0), flags & ~CLONE_UNTRACED);
        return true;
    }

    /** Once the task exists: the program's own flags back in the creator (entry = its registers at entry). */
    static void restore(int tid, TraceeMemory mem, Registers entry, long flags) {
        if (entry.origRax() == SYS_CLONE) Ptrace.setRegs(tid, Ptrace.getRegs(tid).withArg(0, flags));
        else writeLong(mem, entry.arg(0), flags);
    }

    /** In a new child of clone (not clone3, whose registers hold only the struct's address). */
    static void restoreInChild(int tid, long flags) {
        Ptrace.setRegs(tid, Ptrace.getRegs(tid).withArg(0, flags));
    }

    public static void writeLong(TraceeMemory mem, long addr, long value) {
        mem.write(addr, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
    }
}
