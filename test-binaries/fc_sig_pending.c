/* fc_sig_pending: signals raised while blocked stay pending (sigpending shows them, a standard
 * signal only once); unblocking delivers them, real-time ones in number order.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>

static char order[16];
static volatile int count;
static void on_sig(int sig) { order[count++] = sig == SIGUSR1 ? 'U' : (char)('0' + sig - SIGRTMIN); }

int main(void) {
    sigset_t set, pend;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGRTMIN + 2);
    sigaddset(&set, SIGRTMIN + 1);
    signal(SIGUSR1, on_sig);
    signal(SIGRTMIN + 1, on_sig);
    signal(SIGRTMIN + 2, on_sig);
    sigprocmask(SIG_BLOCK, &set, NULL);
    raise(SIGUSR1);
    raise(SIGUSR1);
    raise(SIGRTMIN + 2);
    raise(SIGRTMIN + 1);
    raise(SIGRTMIN + 1);
    sigpending(&pend);
    printf("pending USR1 %d RT1 %d RT2 %d\n", sigismember(&pend, SIGUSR1), sigismember(&pend, SIGRTMIN + 1),
           sigismember(&pend, SIGRTMIN + 2));
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    printf("delivered %d: %s\n", count, order);
    return 0;
}
