/* fc_madvise_mincore: pages touched then dropped with MADV_DONTNEED read back as zeros; mincore
 * reports residency of touched and untouched pages of an anonymous mapping.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/mman.h>

int main(void) {
    size_t n = 8 * 4096;
    unsigned char *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED, "mmap");
    for (size_t i = 0; i < 4 * 4096; i++) p[i] = 0xab;
    unsigned char vec[8];
    CHECK(mincore(p, n, vec) == 0, "mincore");
    printf("resident:");
    for (int i = 0; i < 8; i++) printf(" %d", vec[i] & 1);
    printf("\n");
    CHECK(madvise(p, 2 * 4096, MADV_DONTNEED) == 0, "madvise");
    printf("after DONTNEED: %x %x\n", p[0], p[3 * 4096]);
    return 0;
}
