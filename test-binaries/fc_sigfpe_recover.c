/* fc_sigfpe_recover: integer division by zero raises SIGFPE (FPE_INTDIV); the handler reports the
 * code and recovers with siglongjmp; then a second one.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <setjmp.h>
#include <signal.h>

static sigjmp_buf back;
static void on_fpe(int sig, siginfo_t *si, void *ctx) {
    (void)sig; (void)ctx;
    const char *m = si->si_code == FPE_INTDIV ? "FPE_INTDIV\n" : "other FPE\n";
    write(1, m, strlen(m));
    siglongjmp(back, 1);
}

int main(void) {
    struct sigaction sa = {.sa_sigaction = on_fpe, .sa_flags = SA_SIGINFO};
    sigaction(SIGFPE, &sa, NULL);
    volatile int zero = 0, r = 0;
    for (int i = 0; i < 2; i++) {
        if (sigsetjmp(back, 1) == 0) r = 10 / zero;
    }
    printf("recovered twice, r %d\n", r);
    return 0;
}
