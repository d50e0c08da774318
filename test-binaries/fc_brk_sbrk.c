/* fc_brk_sbrk: the break grows by sbrk, the new memory is written and read, then shrinks back;
 * a brk far below the start fails and leaves it as it was.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/syscall.h>

int main(void) {
    printf("the break grows and shrinks\n"); /* stdio's buffer comes from the heap first */
    char *start = sbrk(0);
    char *p = sbrk(64 * 1024);
    CHECK(p != (void *)-1, "sbrk grow");
    for (int i = 0; i < 64 * 1024; i++) p[i] = (char)(i * 7);
    uint64_t h = rr_fnv(RR_FNV_INIT, p, 64 * 1024);
    printf("grew by %ld, checksum %016llx\n", (long)((char *)sbrk(0) - start), (unsigned long long)h);
    CHECK(sbrk(-32 * 1024) != (void *)-1, "sbrk shrink");
    printf("after shrink: %ld above start\n", (long)((char *)sbrk(0) - start));
    char *now = (char *)syscall(SYS_brk, 4096L);
    printf("brk far below: the kernel keeps the break: %d\n", now == start + 32 * 1024);
    return 0;
}
