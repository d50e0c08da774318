/* fc_sigtimedwait: sigtimedwait times out with EAGAIN when nothing is pending, then takes a
 * pending SIGUSR2 at once; sigwaitinfo reports the sender's si_code.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>

int main(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, NULL);
    struct timespec ts = {0, 10 * 1000 * 1000};
    siginfo_t si;
    int r = sigtimedwait(&set, &si, &ts);
    printf("nothing pending: %d %s\n", r, strerrorname_np(errno));
    raise(SIGUSR2);
    r = sigtimedwait(&set, &si, &ts);
    printf("pending: %s code %s\n", r == SIGUSR2 ? "SIGUSR2" : "other", si.si_code == SI_TKILL ? "SI_TKILL" : si.si_code == SI_USER ? "SI_USER" : "other");
    kill(getpid(), SIGUSR2);
    r = sigwaitinfo(&set, &si);
    printf("sigwaitinfo: %s code %s\n", r == SIGUSR2 ? "SIGUSR2" : "other", si.si_code == SI_USER ? "SI_USER" : "other");
    return 0;
}
