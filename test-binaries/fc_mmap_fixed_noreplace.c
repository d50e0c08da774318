/* fc_mmap_fixed_noreplace: MAP_FIXED_NOREPLACE at a free address succeeds, over an existing
 * mapping fails with EEXIST; MAP_FIXED over it replaces the contents.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/mman.h>

int main(void) {
    char *a = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(a != MAP_FAILED, "mmap");
    memset(a, 'x', 3 * 4096);
    CHECK(munmap(a + 4096, 4096) == 0, "munmap hole");
    char *b = mmap(a + 4096, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    printf("into the hole: %s, zeroed %d\n", b == a + 4096 ? "at the address" : "elsewhere", b[0] == 0);
    errno = 0;
    char *c = mmap(a, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    printf("over a mapping: %s %s, old byte %c\n", c == MAP_FAILED ? "failed" : "mapped", strerrorname_np(errno), a[0]);
    char *d = mmap(a, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED: same address %d, byte now %d, third page still %c\n", d == a, a[0], a[2 * 4096]);
    return 0;
}
