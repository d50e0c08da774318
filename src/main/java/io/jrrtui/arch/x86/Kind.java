package io.jrrtui.arch.x86;

/** Control-flow class of one instruction, as the debugger's stepping needs it. */
public enum Kind {
    /** Falls through to the next instruction. */
    SEQUENTIAL,
    /** Direct near call ({@code call rel32}). */
    CALL,
    /** Indirect call through a register or memory. */
    CALL_INDIRECT,
    /** Near or far return. */
    RET,
    /** Direct unconditional jump. */
    JUMP,
    /** Indirect jump through a register or memory. */
    JUMP_INDIRECT,
    /** Direct conditional jump (jcc, loop*, jrcxz, xbegin). */
    JUMP_CONDITIONAL,
    /** syscall / sysenter. */
    SYSCALL,
    /** int3 breakpoint. */
    INT3,
    /** Other software interrupts and traps (int n, int1, ud2...). */
    INTERRUPT,
    /** hlt. */
    HLT,
    /** Undecodable bytes: length 1, text {@code (bad)}. */
    INVALID;

    /** True for direct and indirect calls. */
    public boolean isCall() {
        return this == CALL || this == CALL_INDIRECT;
    }

    /** True for every kind of jump (direct, indirect, conditional). */
    public boolean isJump() {
        return this == JUMP || this == JUMP_INDIRECT || this == JUMP_CONDITIONAL;
    }

    /** True when the next instruction executed may not be the following one. */
    public boolean changesFlow() {
        return this != SEQUENTIAL && this != INVALID;
    }
}
