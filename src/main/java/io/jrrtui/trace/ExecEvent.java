package io.jrrtui.trace;

import io.jrrtui.arch.Registers;

/**
 * The program's start: the path executed, the registers at the exec stop and the initial stack
 * (argv, environment, auxv, AT_RANDOM bytes) from rsp to the top of the stack, which replay
 * writes back so the program starts from exactly the recorded state.
 */
public record ExecEvent(long number, int tid, String path, Registers regs, long stackAddr, byte[] stack)
        implements Event {
    @Override
    public String describe() {
        return "exec " + path + " (entry 0x" + Long.toHexString(regs.rip()) + ", stack " + stack.length + " bytes)";
    }
}
