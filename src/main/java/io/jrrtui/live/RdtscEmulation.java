package io.jrrtui.live;

import io.jrrtui.arch.Registers;
import io.jrrtui.sys.Ptrace;
import io.jrrtui.sys.TraceeMemory;

/**
 * The launcher makes rdtsc and rdtscp fault (SIGSEGV) because the recorder emulates them; a live
 * run answers them with the host's monotonic clock instead.
 */
final class RdtscEmulation {
    private RdtscEmulation() {}

    /** Emulates rdtsc (0f 31) or rdtscp (0f 01 f9) at the thread's rip; false when it is not one. */
    static boolean emulate(int tid, TraceeMemory mem, Registers regs) {
        byte[] code = new byte[3];
        if (mem.readPartial(regs.rip(), code) < 2 || code[0] != 0x0f) return false;
        int len = code[1] == 0x31 ? 2 : code[1] == 0x01 && code[2] == (byte) 0xf9 ? 3 : 0;
        if (len == 0) return false;
        long tsc = System.nanoTime();
        Registers r = regs.with(Registers.RAX, tsc & 0xffffffffL).with(Registers.RDX, tsc >>> 32).with(Registers.RIP, regs.rip() + len);
        if (len == 3) r = r.with(Registers.RCX, 0); // IA32_TSC_AUX: cpu 0
        Ptrace.setRegs(tid, r);
        return true;
    }
}
