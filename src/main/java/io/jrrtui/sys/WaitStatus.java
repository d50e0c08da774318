package io.jrrtui.sys;

import io.jrrtui.arch.Signals;

/** A decoded waitpid status for one task. */
public record WaitStatus(int pid, int raw) {
    public boolean exited() {
        return (raw & 0x7f) == 0;
    }

    public int exitCode() {
        return (raw >> 8) & 0xff;
    }

    public boolean signaled() {
        return ((raw & 0x7f) + 1) >> 1 > 0 && !stopped() && !exited();
    }

    public int termSig() {
        return raw & 0x7f;
    }

    public boolean stopped() {
        return (raw & 0xff) == 0x7f;
    }

    public int stopSig() {
        return (raw >> 8) & 0xff;
    }

    /** PTRACE_EVENT_* of an event stop, else 0. */
    public int event() {
        return stopped() ? (raw >> 16) & 0xff : 0;
    }

    /** A syscall-stop under PTRACE_O_TRACESYSGOOD. */
    public boolean syscallStop() {
        return stopped() && stopSig() == (5 | 0x80);
    }

    /** Exit status as a shell reports it: the code, or 128+signal. */
    public int shellStatus() {
        return exited() ? exitCode() : 128 + termSig();
    }

    @Override
    public String toString() {
        if (exited()) return "exited(" + exitCode() + ")";
        if (signaled()) return "killed(" + Signals.name(termSig()) + ")";
        if (syscallStop()) return "syscall-stop";
        if (event() != 0) return "event-stop(" + event() + ")";
        return "stopped(" + Signals.name(stopSig()) + ")";
    }
}
