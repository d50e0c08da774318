package io.jrrtui.record;

/**
 * What the program is told by cpuid: the real answer, minus features whose results could not be
 * replayed — RDRAND and RDSEED (random numbers from an instruction, not a syscall), RDPID (the
 * cpu number) and TSX (transactions abort at random).
 */
final class CpuidPolicy {
    private CpuidPolicy() {}

    static int[] mask(int leaf, int subleaf, int[] regs) {
        int[] r = regs.clone();
        if (leaf == 1) {
            r[2] &= ~(1 << 30); // ecx.RDRAND
        } else if (leaf == 7 && subleaf == 0) {
            r[1] &= ~((1 << 18) | (1 << 4) | (1 << 11)); // ebx.RDSEED, HLE, RTM
            r[2] &= ~(1 << 22); // ecx.RDPID
        }
        return r;
    }
}
