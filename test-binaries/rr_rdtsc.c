/* rr_rdtsc: the rdtsc and rdtscp instructions (inline asm), which the recorder traps
 * (PR_SET_TSC) and emulates. Prints raw counter values, the rdtscp aux value (cpu/node id) and
 * deltas across a short loop.
 * NONDETERMINISTIC: yes (raw time-stamp counter values)
 * expected exit status: 0 */
#include "rr_util.h"

static inline uint64_t rdtsc(void) {
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

static inline uint64_t rdtscp(uint32_t *aux) {
    uint32_t lo, hi;
    __asm__ volatile("rdtscp" : "=a"(lo), "=d"(hi), "=c"(*aux));
    return ((uint64_t)hi << 32) | lo;
}

int main(void) {
    uint64_t t[5];
    for (int i = 0; i < 5; i++)
        t[i] = rdtsc();
    for (int i = 0; i < 5; i++)
        printf("rdtsc[%d] = %llu\n", i, (unsigned long long)t[i]);
    for (int i = 1; i < 5; i++)
        printf("delta[%d] = %lld\n", i, (long long)(t[i] - t[i - 1]));

    volatile uint64_t sink = 0;
    uint64_t before = rdtsc();
    for (int i = 0; i < 100000; i++)
        sink += i;
    uint64_t after = rdtsc();
    printf("loop cycles = %llu (sink %llu), increasing: %s\n", (unsigned long long)(after - before),
           (unsigned long long)sink, after > before ? "yes" : "no");

    uint32_t aux1 = 0, aux2 = 0;
    uint64_t p1 = rdtscp(&aux1);
    uint64_t p2 = rdtscp(&aux2);
    printf("rdtscp = %llu aux=%u, %llu aux=%u, delta %lld\n", (unsigned long long)p1, aux1,
           (unsigned long long)p2, aux2, (long long)(p2 - p1));
    return 0;
}
