package io.jrrtui.core;

import io.jrrtui.arch.Registers;

/**
 * One thread of the dumped process: its NT_PRSTATUS (thread id, the signal it was stopped by,
 * general registers) and the register-set notes the kernel wrote after it (FXSAVE area, XSAVE
 * area; null when absent).
 */
public record CoreThread(int tid, int signal, Registers registers, byte[] fpregs, byte[] xstate) {
    /** A register by its {@code user_regs_struct} name ("rip", "rsp", "fs_base", ...). */
    public long get(String name) {
        int i = Registers.NAMES.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("no register " + name);
        return registers.get(i);
    }

    public long rip() {
        return registers.rip();
    }

    public long rsp() {
        return registers.rsp();
    }

    CoreThread withFpregs(byte[] fx) {
        return new CoreThread(tid, signal, registers, fx, xstate);
    }

    CoreThread withXstate(byte[] xs) {
        return new CoreThread(tid, signal, registers, fpregs, xs);
    }
}
