/* fc_siginfo_queue: an SA_SIGINFO handler sees si_code and si_value for sigqueue'd realtime
 * signals; blocked realtime signals queue (each delivered) while a blocked standard one merges.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>

static int rt_values[8], nrt, usr1;

static void handler(int sig, siginfo_t *si, void *uc) {
    (void)uc;
    if (sig == SIGUSR1) usr1++;
    else if (nrt < 8) rt_values[nrt++] = si->si_value.sival_int * (si->si_code == SI_QUEUE ? 1 : -1);
}

int main(void) {
    struct sigaction sa = {0};
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGRTMIN + 1, &sa, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGRTMIN + 1);
    sigprocmask(SIG_BLOCK, &set, NULL);
    for (int i = 1; i <= 4; i++) {
        union sigval v = {.sival_int = i * 11};
        CHECK(sigqueue(getpid(), SIGRTMIN + 1, v) == 0, "sigqueue");
        raise(SIGUSR1);
    }
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    printf("SIGUSR1 delivered %d time(s); realtime %d:", usr1, nrt);
    for (int i = 0; i < nrt; i++) printf(" %d", rt_values[i]);
    printf("\n");
    return 0;
}
