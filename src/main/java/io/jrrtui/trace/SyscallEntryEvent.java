package io.jrrtui.trace;

import io.jrrtui.arch.Registers;
import io.jrrtui.arch.Syscalls;

/**
 * A task entered a syscall while other tasks existed. Written at the entry (the syscall's result
 * comes later as a {@link SyscallEvent}), so that replay runs the tasks' user code in the order it
 * ran when recording, even when syscalls overlap (a futex wait in one thread, the wake in another).
 */
public record SyscallEntryEvent(long number, int tid, Registers regs) implements Event {
    @Override
    public String describe() {
        return "enter " + Syscalls.name(regs.origRax());
    }
}
