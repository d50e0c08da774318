/* rr_segv: synchronous faults replay by themselves: a SIGSEGV from a write to a PROT_NONE page
 * (at a fixed, hinted address) and a read of address 0x10, each caught by a SA_SIGINFO handler
 * that siglongjmps back; prints si_addr and si_code; then a SIGFPE from an integer division by
 * zero. sigaltstack is used for the last fault.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>

static sigjmp_buf env;
static void *volatile fault_addr;
static volatile int fault_code, fault_sig;

static void handler(int sig, siginfo_t *si, void *uc) {
    (void)uc;
    fault_sig = sig;
    fault_addr = si->si_addr;
    fault_code = si->si_code;
    siglongjmp(env, 1);
}

int main(void) {
    struct sigaction sa = {.sa_sigaction = handler, .sa_flags = SA_SIGINFO | SA_NODEFER};
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(SIGSEGV, &sa, NULL) == 0, "sigaction SEGV");
    CHECK(sigaction(SIGFPE, &sa, NULL) == 0, "sigaction FPE");

    char *guard = mmap((void *)0x200000000000UL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    CHECK(guard != MAP_FAILED, "mmap guard");
    if (sigsetjmp(env, 1) == 0) {
        guard[123] = 1;
        printf("no fault?!\n");
    } else {
        printf("fault 1: sig=%d addr=%p code=%s offset=%ld\n", fault_sig, fault_addr,
               fault_code == SEGV_ACCERR ? "SEGV_ACCERR" : "other", (long)((char *)fault_addr - guard));
    }
    if (sigsetjmp(env, 1) == 0) {
        volatile uintptr_t bad = 0x10; /* volatile: no compile-time null-page warning */
        volatile int *p = (volatile int *)bad;
        printf("read %d\n", *p);
    } else {
        printf("fault 2: sig=%d addr=%p code=%s\n", fault_sig, fault_addr,
               fault_code == SEGV_MAPERR ? "SEGV_MAPERR" : "other");
    }

    static char altstack[65536];
    stack_t ss = {.ss_sp = altstack, .ss_size = sizeof altstack};
    CHECK(sigaltstack(&ss, NULL) == 0, "sigaltstack");
    sa.sa_flags |= SA_ONSTACK;
    CHECK(sigaction(SIGFPE, &sa, NULL) == 0, "sigaction FPE onstack");
    volatile int zero = 0;
    if (sigsetjmp(env, 1) == 0) {
        printf("div %d\n", 10 / zero);
    } else {
        printf("fault 3: sig=%d code=%s\n", fault_sig, fault_code == FPE_INTDIV ? "FPE_INTDIV" : "other");
    }
    sigset_t mask;
    sigprocmask(SIG_SETMASK, NULL, &mask);
    printf("SEGV blocked after siglongjmp: %s\n", sigismember(&mask, SIGSEGV) ? "yes" : "no");
    munmap(guard, 4096);
    return 0;
}
