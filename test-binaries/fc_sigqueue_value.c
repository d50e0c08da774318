/* fc_sigqueue_value: real-time signals queued with values (sigqueue) while blocked, then taken
 * with sigtimedwait in order; a timed wait on nothing times out.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>

int main(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGRTMIN + 1);
    sigprocmask(SIG_BLOCK, &set, NULL);
    for (int i = 0; i < 3; i++) sigqueue(getpid(), SIGRTMIN + 1, (union sigval){.sival_int = 10 * i + 1});
    struct timespec ts = {0, 10 * 1000 * 1000};
    for (int i = 0; i < 4; i++) {
        siginfo_t si;
        errno = 0;
        int s = sigtimedwait(&set, &si, &ts);
        printf("wait %d: %s value %d errno=%s\n", i, s > 0 ? "signal" : "none", s > 0 ? si.si_value.sival_int : 0,
               strerrorname_np(errno));
    }
    return 0;
}
