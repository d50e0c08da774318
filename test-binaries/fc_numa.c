/* fc_numa: memory policy calls: get_mempolicy, set_mempolicy(MPOL_DEFAULT), mbind of a mapping,
 * move_pages status query of one page; the answers (or errnos) are printed.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/mman.h>
#include <sys/syscall.h>

int main(void) {
    int mode = -1;
    unsigned long mask[2] = {0, 0};
    errno = 0;
    long r = syscall(SYS_get_mempolicy, &mode, mask, 128, NULL, 0);
    printf("get_mempolicy %ld mode %d mask %lx errno=%s\n", r, mode, mask[0], strerrorname_np(errno));
    errno = 0;
    r = syscall(SYS_set_mempolicy, 0, NULL, 0);
    printf("set_mempolicy default %ld errno=%s\n", r, strerrorname_np(errno));
    char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED, "mmap");
    p[0] = 1;
    errno = 0;
    r = syscall(SYS_mbind, p, 8192, 0, NULL, 0, 0);
    printf("mbind default %ld errno=%s\n", r, strerrorname_np(errno));
    void *pages[1] = {p};
    int status[1] = {-99};
    errno = 0;
    r = syscall(SYS_move_pages, 0, 1, pages, NULL, status, 0);
    printf("move_pages %ld status %d errno=%s\n", r, status[0], strerrorname_np(errno));
    return 0;
}
