/* fc_siglongjmp_segv: three SIGSEGVs (null read, write to read-only page, jump to nowhere) each
 * recovered with siglongjmp from the handler; the signal mask is restored every time.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>

static sigjmp_buf env;
static volatile long fault_addr_low;

static void on_segv(int sig, siginfo_t *si, void *uc) {
    (void)sig; (void)uc;
    fault_addr_low = (long)si->si_addr & 0xfff;
    siglongjmp(env, 1);
}

int main(void) {
    struct sigaction sa = {0};
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(ro != MAP_FAILED, "mmap");
    for (int i = 0; i < 3; i++) {
        if (sigsetjmp(env, 1) == 0) {
            if (i == 0) printf("%d\n", *(volatile int *)16);
            if (i == 1) ro[100] = 1;
            if (i == 2) ((void (*)(void))8)();
        } else {
            sigset_t cur;
            sigprocmask(SIG_BLOCK, NULL, &cur);
            printf("fault %d recovered at offset 0x%lx, SIGSEGV blocked: %d\n", i, fault_addr_low, sigismember(&cur, SIGSEGV));
        }
    }
    return 0;
}
