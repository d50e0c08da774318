/* fc_mremap_shrink_move: mremap shrinks a mapping in place, then moves it to a chosen address
 * with MREMAP_FIXED, and MREMAP_DONTUNMAP leaves the old range mapped and empty.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/mman.h>

#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif

int main(void) {
    char *a = mmap(NULL, 4 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(a != MAP_FAILED, "mmap");
    for (int i = 0; i < 4; i++) a[i * 4096] = (char)('a' + i);
    char *s = mremap(a, 4 * 4096, 2 * 4096, 0);
    printf("shrunk in place: %d, bytes %c %c\n", s == a, s[0], s[4096]);
    char *target = mmap(NULL, 2 * 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(target != MAP_FAILED, "mmap target");
    char *m = mremap(s, 2 * 4096, 2 * 4096, MREMAP_MAYMOVE | MREMAP_FIXED, target);
    printf("moved to target: %d, bytes %c %c\n", m == target, m[0], m[4096]);
    char *d = mremap(m, 2 * 4096, 2 * 4096, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
    if (d == MAP_FAILED) {
        printf("DONTUNMAP: %s\n", strerrorname_np(errno));
    } else {
        printf("DONTUNMAP: new copy %c %c, old range now %d %d\n", d[0], d[4096], m[0], m[4096]);
    }
    return 0;
}
