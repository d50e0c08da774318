/* fc_bad_syscall: numbers that are no syscall (-1, 1008, a gap in the table, an x32 number) and
 * one the kernel no longer implements (uselib): each must come back ENOSYS, recorded and replayed.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/syscall.h>

static void try(long nr) {
    errno = 0;
    long r = syscall(nr, 0, 0, 0);
    printf("syscall %ld -> %ld errno=%s\n", nr, r, strerrorname_np(errno));
}

int main(void) {
    try(-1);
    try(1008);
    try(600);
    try(0x40000000L | 39);
    try(SYS_uselib);
    printf("still alive, pid is positive: %d\n", getpid() > 0);
    return 0;
}
