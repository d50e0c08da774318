/*
 * libjrrshim: the few things the tracer needs that Java cannot do itself.
 * Loaded through JNA direct mapping (io.jrrtui.sys.Shim).
 */
#include <stdint.h>
#include <cpuid.h>

/* Real time-stamp counter, read by the recorder when it emulates a trapped rdtsc. */
uint64_t jrr_rdtsc(void) {
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

/* rdtscp: also returns IA32_TSC_AUX (the cpu number) through aux. */
uint64_t jrr_rdtscp(uint32_t *aux) {
    uint32_t lo, hi, c;
    __asm__ volatile("rdtscp" : "=a"(lo), "=d"(hi), "=c"(c));
    *aux = c;
    return ((uint64_t)hi << 32) | lo;
}

/* cpuid leaf/subleaf into out[0..3] = eax, ebx, ecx, edx. */
void jrr_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t *out) {
    __cpuid_count(leaf, subleaf, out[0], out[1], out[2], out[3]);
}
