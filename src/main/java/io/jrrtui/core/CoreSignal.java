package io.jrrtui.core;

/**
 * NT_SIGINFO: the signal that made the kernel dump the core. For a fault (SIGSEGV, SIGBUS, SIGILL,
 * SIGFPE, SIGTRAP) {@code address} is the faulting address; for a signal sent by a process
 * (kill, tgkill, abort) {@code senderPid} is who sent it.
 */
public record CoreSignal(int number, int errno, int code, long address, int senderPid) {
    /** si_code values below or at 0 mean the signal came from a process, not from the kernel. */
    public boolean fromProcess() {
        return code <= 0;
    }

    /** Whether {@link #address} is meaningful: a synchronous fault raised by the kernel. */
    public boolean isFault() {
        return !fromProcess() && (number == 4 || number == 5 || number == 7 || number == 8 || number == 11);
    }
}
