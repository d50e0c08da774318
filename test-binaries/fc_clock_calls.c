/* fc_clock_calls: clock_getres of four clocks, clock_nanosleep absolute on MONOTONIC, a
 * CLOCK_PROCESS_CPUTIME_ID reading; times recorded, printed only as comparisons.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <time.h>

int main(void) {
    clockid_t clocks[4] = {CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_BOOTTIME, CLOCK_PROCESS_CPUTIME_ID};
    for (int i = 0; i < 4; i++) {
        struct timespec r;
        printf("clock %d res ok %d\n", i, clock_getres(clocks[i], &r) == 0 && r.tv_sec == 0);
    }
    int64_t before = rr_now_ns(CLOCK_MONOTONIC);
    struct timespec until = {0, 0};
    int64_t target = before + 3 * 1000 * 1000;
    until.tv_sec = target / 1000000000;
    until.tv_nsec = target % 1000000000;
    printf("absolute sleep %d\n", clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL));
    printf("woke after target %d\n", rr_now_ns(CLOCK_MONOTONIC) >= target);
    printf("cpu time positive %d\n", rr_now_ns(CLOCK_PROCESS_CPUTIME_ID) > 0);
    return 0;
}
