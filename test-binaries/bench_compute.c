/* bench_compute: pure CPU work for the recording-overhead benchmark: rounds of an ARX mixing
 * function (add-rotate-xor, sha-like) over a 64 KiB buffer, then a checksum. No syscalls inside
 * the loop, so a recorder should run it at native speed. About 0.5-1 s natively at the default.
 * expected output (default): rounds=30000 checksum=419d72471a600d70 a=21819964419391fa b=3c4660ff1e9b962a
 * usage: bench_compute [rounds]   (default 30000: ~0.7 s at -O0, ~0.45 s at -O2)
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"

#define WORDS (64 * 1024 / 8)

static inline uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

int main(int argc, char **argv) {
    long rounds = argc > 1 ? atol(argv[1]) : 30000;
    static uint64_t buf[WORDS];
    for (int i = 0; i < WORDS; i++)
        buf[i] = 0x9e3779b97f4a7c15ULL * (i + 1);
    uint64_t a = 0x6a09e667f3bcc908ULL, b = 0xbb67ae8584caa73bULL;
    for (long r = 0; r < rounds; r++) {
        for (int i = 0; i < WORDS; i++) {
            a += buf[i] ^ b;
            b = rotl(b ^ a, 23) + (uint64_t)r;
            a = rotl(a, 17) ^ (b * 0xff51afd7ed558ccdULL);
            buf[i] = a ^ rotl(buf[(i + 1) % WORDS], 7);
        }
    }
    uint64_t h = rr_fnv(RR_FNV_INIT, buf, sizeof buf);
    printf("rounds=%ld checksum=%016llx a=%016llx b=%016llx\n", rounds, (unsigned long long)h,
           (unsigned long long)a, (unsigned long long)b);
    return 0;
}
