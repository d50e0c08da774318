/* fc_sigsuspend_timer: SIGALRM blocked, an ITIMER_REAL fires three times, each taken by
 * sigsuspend with an empty mask.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/time.h>

static volatile int ticks;
static void on_alarm(int sig) { (void)sig; ticks++; }

int main(void) {
    signal(SIGALRM, on_alarm);
    sigset_t block, empty;
    sigemptyset(&block);
    sigaddset(&block, SIGALRM);
    sigemptyset(&empty);
    sigprocmask(SIG_BLOCK, &block, NULL);
    struct itimerval it = {{0, 5000}, {0, 5000}};
    setitimer(ITIMER_REAL, &it, NULL);
    for (int i = 0; i < 3; i++) {
        int r = sigsuspend(&empty);
        printf("sigsuspend %d: returned %d %s, ticks now >= %d\n", i, r, strerrorname_np(errno), ticks >= i + 1 ? i + 1 : ticks);
    }
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);
    return 0;
}
