/* fc_mlock: mlock/munlock a buffer, mlock2 with MLOCK_ONFAULT, mlockall(MCL_CURRENT) and
 * munlockall; each result printed, the buffer's contents kept.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/mman.h>
#include <sys/syscall.h>

int main(void) {
    char *p = mmap(NULL, 8 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED, "mmap");
    strcpy(p, "locked memory");
    int r = mlock(p, 4096);
    printf("mlock: %d %s\n", r, r ? strerrorname_np(errno) : "");
    r = munlock(p, 4096);
    printf("munlock: %d\n", r);
    r = (int)syscall(SYS_mlock2, p + 4096, 4096, 1 /* MLOCK_ONFAULT */);
    printf("mlock2 onfault: %d %s\n", r, r ? strerrorname_np(errno) : "");
    r = mlockall(MCL_CURRENT);
    printf("mlockall: %d %s\n", r, r ? strerrorname_np(errno) : "");
    printf("munlockall: %d; contents '%s'\n", munlockall(), p);
    return 0;
}
