/* mt_itimer: repeated asynchronous ticks: setitimer ITIMER_REAL every 4 ms; the handler counts
 * ticks while main does CPU work, recording how many loop iterations ran between consecutive ticks
 * (in a volatile counter). Stops after 10 ticks with setitimer(0), then checks getitimer.
 * NONDETERMINISTIC: yes (iterations per tick)
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/time.h>

#define TICKS 10
static volatile unsigned long counter;
static volatile int ticks;
static unsigned long at_tick[TICKS + 1];

static void on_tick(int sig) {
    (void)sig;
    if (ticks < TICKS)
        at_tick[ticks] = counter;
    ticks++;
}

int main(void) {
    struct sigaction sa = {.sa_handler = on_tick, .sa_flags = SA_RESTART};
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(SIGALRM, &sa, NULL) == 0, "sigaction");
    struct itimerval it = {.it_interval = {0, 4000}, .it_value = {0, 4000}};
    CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0, "setitimer");
    while (ticks < TICKS)
        counter++;
    struct itimerval off = {{0, 0}, {0, 0}};
    CHECK(setitimer(ITIMER_REAL, &off, NULL) == 0, "setitimer off");
    int final_ticks = ticks;
    for (int i = 0; i < TICKS; i++)
        printf("tick %d at iteration %lu (+%lu)\n", i + 1, at_tick[i], at_tick[i] - (i ? at_tick[i - 1] : 0));
    struct itimerval now;
    CHECK(getitimer(ITIMER_REAL, &now) == 0, "getitimer");
    printf("ticks %d, timer disarmed: %s\n", final_ticks,
           now.it_value.tv_sec == 0 && now.it_value.tv_usec == 0 ? "yes" : "no");
    return 0;
}
