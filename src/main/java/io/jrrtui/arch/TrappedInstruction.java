package io.jrrtui.arch;

/**
 * The instructions the recorder makes fault so it can emulate them (DESIGN §4): rdtsc and rdtscp
 * (PR_TSC_SIGSEGV) and cpuid (ARCH_SET_CPUID faulting). Recognised from the bytes at rip.
 */
public enum TrappedInstruction {
    RDTSC(2), RDTSCP(3), CPUID(2), NONE(0);

    private final int length;

    TrappedInstruction(int length) {
        this.length = length;
    }

    public int length() {
        return length;
    }

    /** Decodes the first bytes of an instruction (at least 3 bytes, fewer means NONE). */
    public static TrappedInstruction of(byte[] code) {
        if (code.length < 2 || code[0] != 0x0f) return NONE;
        if (code[1] == 0x31) return RDTSC;
        if (code[1] == (byte) 0xa2) return CPUID;
        if (code.length >= 3 && code[1] == 0x01 && code[2] == (byte) 0xf9) return RDTSCP;
        return NONE;
    }
}
