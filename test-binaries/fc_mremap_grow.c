/* fc_mremap_grow: an anonymous mapping filled, grown with mremap(MAYMOVE) several times (it may
 * move), contents kept; then shrunk.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/mman.h>

int main(void) {
    size_t size = 4096;
    unsigned char *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED, "mmap");
    for (size_t i = 0; i < size; i++) p[i] = (unsigned char)i;
    for (int round = 0; round < 4; round++) {
        size_t bigger = size * 4;
        unsigned char *q = mremap(p, size, bigger, MREMAP_MAYMOVE);
        CHECK(q != MAP_FAILED, "mremap");
        for (size_t i = size; i < bigger; i++) q[i] = (unsigned char)(i * 7);
        p = q;
        size = bigger;
    }
    printf("grown to %zu, fnv %016llx\n", size, (unsigned long long)rr_fnv(RR_FNV_INIT, p, size));
    p = mremap(p, size, 8192, 0);
    CHECK(p != MAP_FAILED, "shrink");
    printf("shrunk, first bytes %u %u\n", p[1], p[4097]);
    return 0;
}
