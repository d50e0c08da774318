/* rr_cpuid: the cpuid instruction (trapped with ARCH_SET_CPUID faulting and emulated by the
 * recorder). Prints the vendor string, max leaves, family/model and the feature bit words of
 * leaves 1 and 7, and the brand string.
 * NONDETERMINISTIC: no (same machine, same answers; a recorder may hide RDRAND/RDSEED, record and
 * replay must agree)
 * expected exit status: 0 */
#include "rr_util.h"
#include <cpuid.h>

int main(void) {
    unsigned a, b, c, d;
    __cpuid(0, a, b, c, d);
    char vendor[13];
    memcpy(vendor, &b, 4);
    memcpy(vendor + 4, &d, 4);
    memcpy(vendor + 8, &c, 4);
    vendor[12] = 0;
    unsigned max_leaf = a;
    printf("vendor: %s, max leaf %u\n", vendor, max_leaf);

    __cpuid(1, a, b, c, d);
    printf("leaf1: eax=%08x ecx=%08x edx=%08x (family %u model %u stepping %u)\n", a, c, d,
           (a >> 8) & 0xf, (a >> 4) & 0xf, a & 0xf);
    printf("features: sse2=%u sse4.2=%u avx=%u rdrand=%u hypervisor=%u\n", (d >> 26) & 1,
           (c >> 20) & 1, (c >> 28) & 1, (c >> 30) & 1, (c >> 31) & 1);
    if (max_leaf >= 7) {
        __cpuid_count(7, 0, a, b, c, d);
        printf("leaf7: ebx=%08x ecx=%08x edx=%08x (avx2=%u rdseed=%u)\n", b, c, d, (b >> 5) & 1,
               (b >> 18) & 1);
    }
    __cpuid(0x80000000, a, b, c, d);
    if (a >= 0x80000004) {
        unsigned brand[12];
        for (unsigned i = 0; i < 3; i++)
            __cpuid(0x80000002 + i, brand[4 * i], brand[4 * i + 1], brand[4 * i + 2], brand[4 * i + 3]);
        char s[49];
        memcpy(s, brand, 48);
        s[48] = 0;
        printf("brand: %s\n", s);
    }
    return 0;
}
