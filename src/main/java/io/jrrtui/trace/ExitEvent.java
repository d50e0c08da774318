package io.jrrtui.trace;

import io.jrrtui.arch.Signals;

/** The program ended: exit code, or the signal that killed it. */
public record ExitEvent(long number, int tid, boolean signaled, int code) implements Event {
    /** The status a shell would report: code, or 128+signal. */
    public int shellStatus() {
        return signaled ? 128 + code : code;
    }

    @Override
    public String describe() {
        return signaled ? "killed by " + Signals.name(code) : "exit " + code;
    }
}
