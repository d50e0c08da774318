package io.jrrtui.eval;

import io.jrrtui.core.CoreDump;
import io.jrrtui.core.CoreThread;
import io.jrrtui.core.MappedFile;
import io.jrrtui.util.JrrException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * A {@link TargetAccess} over a core file for tests: frame 0 from NT_PRSTATUS, caller frames by
 * following the frame-pointer chain (the fixtures are built with -fno-omit-frame-pointer).
 */
final class CoreTarget implements TargetAccess {
    private static final String[] DWARF_REGS = {"rax", "rdx", "rcx", "rbx", "rsi", "rdi", "rbp", "rsp",
            "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rip"};

    private final CoreDump core;
    private final long[] regs = new long[17];
    private final long cfa;
    private java.util.function.Supplier<CoreTarget> callerFrame = () -> null;

    private CoreTarget(CoreDump core, long[] regs, long cfa) {
        this.core = core;
        System.arraycopy(regs, 0, this.regs, 0, 17);
        this.cfa = cfa;
    }

    /**
     * Frame {@code n} (0 = innermost) of the first thread; requires the frame-pointer chain.
     * {@code atEntry}: frame 0 stopped on its first instruction, before {@code push %rbp}.
     */
    static CoreTarget frame(CoreDump core, int n, boolean atEntry) {
        CoreThread t = core.threads().get(0);
        long[] r = new long[17];
        for (int i = 0; i < 17; i++) r[i] = t.get(DWARF_REGS[i]);
        CoreTarget f = new CoreTarget(core, r, atEntry ? r[7] + 8 : r[6] + 16);
        if (atEntry && n > 0) {
            long[] up = r.clone();
            up[16] = f.readLong(r[7]);
            up[7] = r[7] + 8;
            f = new CoreTarget(core, up, up[6] + 16);
            n--;
        }
        for (int i = 0; i < n; i++) f = f.up();
        CoreTarget self = f;
        self.callerFrame = self::up;
        return f;
    }

    /** The caller by the frame-pointer chain. */
    CoreTarget up() {
        long rbp = regs[6];
        long[] up = regs.clone();
        up[6] = readLong(rbp);
        up[16] = readLong(rbp + 8);
        up[7] = rbp + 16;
        CoreTarget c = new CoreTarget(core, up, up[6] + 16);
        c.callerFrame = c::up;
        return c;
    }

    @Override public java.util.Optional<TargetAccess> caller() {
        return java.util.Optional.ofNullable(callerFrame.get());
    }

    /** The load address of the first mapping of {@code binary} (its bias for a PIE). */
    static long bias(CoreDump core, Path binary) {
        String name = binary.toAbsolutePath().normalize().toString();
        for (MappedFile m : core.mappedFiles()) if (m.path().equals(name) && m.fileOffset() == 0) return m.start();
        throw new AssertionError("binary not mapped in core: " + name + " " + core.mappedFiles());
    }

    long readLong(long addr) {
        return ByteBuffer.wrap(readMemory(addr, 8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    @Override public byte[] readMemory(long addr, int len) { return core.readMemory(addr, len); }

    @Override public long register(int dwarfRegNo) {
        if (dwarfRegNo < 0 || dwarfRegNo >= regs.length) throw new JrrException("register " + dwarfRegNo + " not available");
        return regs[dwarfRegNo];
    }

    @Override public long cfa() { return cfa; }
    @Override public long pc() { return regs[16]; }
}
