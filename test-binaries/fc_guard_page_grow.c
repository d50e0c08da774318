/* fc_guard_page_grow: a buffer with a PROT_NONE guard page; each SIGSEGV on the guard makes it
 * writable from the handler (mprotect) and moves the guard on, so the program grows the buffer
 * by faults.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/mman.h>

static char *base;
static int opened = 1, faults;

static void on_segv(int sig, siginfo_t *si, void *uc) {
    (void)sig; (void)uc;
    char *page = (char *)((uintptr_t)si->si_addr & ~4095UL);
    if (page != base + opened * 4096 || opened >= 8) _exit(3);
    CHECK(mprotect(page, 4096, PROT_READ | PROT_WRITE) == 0, "mprotect");
    opened++;
    faults++;
}

int main(void) {
    base = mmap(NULL, 8 * 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(base != MAP_FAILED, "mmap");
    CHECK(mprotect(base, 4096, PROT_READ | PROT_WRITE) == 0, "mprotect");
    struct sigaction sa = {0};
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    for (int i = 0; i < 6 * 4096; i += 512) base[i] = (char)i;
    uint64_t h = rr_fnv(RR_FNV_INIT, base, 6 * 4096);
    printf("%d faults, %d pages open, checksum %016llx\n", faults, opened, (unsigned long long)h);
    return 0;
}
