package io.jrrtui.trace;

/** A trapped cpuid at rip with the (masked) answer the program saw. */
public record CpuidEvent(long number, int tid, long rip, int leaf, int subleaf, int eax, int ebx, int ecx, int edx)
        implements Event {
    @Override
    public String describe() {
        return String.format("cpuid(0x%x, 0x%x) at 0x%x = %08x %08x %08x %08x", leaf, subleaf, rip, eax, ebx, ecx, edx);
    }
}
