package io.jrrtui.replay;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Syscalls;
import io.jrrtui.sys.TraceeMemory;

/**
 * Waits that run with a signal mask of their own (pselect6, ppoll, epoll_pwait, epoll_pwait2): the
 * kernel swaps the mask in for the wait, and a signal that interrupts it is delivered under that
 * mask, the old one being saved in the handler's frame. An emulated wait never swaps the mask, so
 * such a signal would stay blocked; replay runs rt_sigsuspend with the same mask instead.
 */
final class TemporaryMasks {
    private static final int PSELECT6 = Syscalls.number("pselect6"), PPOLL = Syscalls.number("ppoll"),
            EPOLL_PWAIT = Syscalls.number("epoll_pwait"), EPOLL_PWAIT2 = Syscalls.number("epoll_pwait2");

    /** Where a wait's temporary mask is. */
    record Mask(long addr, long size) {}

    private TemporaryMasks() {}

    /** The temporary mask of call regs, or null when it has none. */
    static Mask of(Registers regs, TraceeMemory mem) {
        long nr = regs.origRax();
        Mask m = null;
        if (nr == PSELECT6 && regs.arg(5) != 0) {
            // the sixth argument points to { const sigset_t *ss; size_t ss_len; }
            m = new Mask(mem.readLong(regs.arg(5)), mem.readLong(regs.arg(5) + 8));
        } else if (nr == PPOLL) {
            m = new Mask(regs.arg(3), regs.arg(4));
        } else if (nr == EPOLL_PWAIT || nr == EPOLL_PWAIT2) {
            m = new Mask(regs.arg(4), regs.arg(5));
        }
        return m == null || m.addr() == 0 ? null : m;
    }

    /** Results with which an interrupted wait hands over to its signal (EINTR, ERESTARTNOHAND). */
    static boolean interrupted(long result) {
        return result == -4 || result == -514;
    }
}
