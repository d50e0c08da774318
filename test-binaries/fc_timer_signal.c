/* fc_timer_signal: a POSIX timer (timer_create with SIGEV_SIGNAL) firing five times at 5 ms; the
 * handler counts; timer_gettime after deletion fails.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <time.h>

static volatile sig_atomic_t fired;
static void on_timer(int sig) { (void)sig; fired++; }

int main(void) {
    signal(SIGUSR2, on_timer);
    struct sigevent ev = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGUSR2};
    timer_t t;
    CHECK(timer_create(CLOCK_MONOTONIC, &ev, &t) == 0, "timer_create");
    struct itimerspec its = {{0, 5 * 1000 * 1000}, {0, 5 * 1000 * 1000}};
    CHECK(timer_settime(t, 0, &its, NULL) == 0, "timer_settime");
    while (fired < 5) pause();
    timer_delete(t);
    printf("fired at least 5: %d\n", fired >= 5);
    return 0;
}
