package io.jrrtui.trace;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Signals;

/**
 * A signal delivered to the program. {@code fault} signals were raised by the faulting
 * instruction and recur by themselves on replay; the others were delivered at an event boundary
 * (right after the previous event) and the replayer raises them there again.
 */
public record SignalEvent(long number, int tid, int signo, byte[] siginfo, boolean fault, Registers regs)
        implements Event {
    @Override
    public String describe() {
        return "signal " + Signals.name(signo) + (fault ? " (fault at 0x" + Long.toHexString(regs.rip()) + ")" : "");
    }
}
