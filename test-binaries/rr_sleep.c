/* rr_sleep: sleeping: nanosleep, clock_nanosleep relative and TIMER_ABSTIME, usleep, with the
 * elapsed monotonic time of each in nanoseconds.
 * NONDETERMINISTIC: yes (elapsed ns)
 * expected exit status: 0 */
#include "rr_util.h"

int main(void) {
    int64_t t0 = rr_now_ns(CLOCK_MONOTONIC);
    struct timespec rem = {0, 0};
    CHECK(nanosleep(&(struct timespec){0, 10000000}, &rem) == 0, "nanosleep");
    int64_t t1 = rr_now_ns(CLOCK_MONOTONIC);
    printf("nanosleep 10ms: elapsed %lld ns (>= 10ms: %s)\n", (long long)(t1 - t0), t1 - t0 >= 10000000 ? "yes" : "no");

    CHECK(clock_nanosleep(CLOCK_MONOTONIC, 0, &(struct timespec){0, 5000000}, NULL) == 0, "clock_nanosleep");
    int64_t t2 = rr_now_ns(CLOCK_MONOTONIC);
    printf("clock_nanosleep 5ms: elapsed %lld ns\n", (long long)(t2 - t1));

    int64_t target = t2 + 7000000;
    struct timespec abs = {target / 1000000000, target % 1000000000};
    CHECK(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, NULL) == 0, "clock_nanosleep abs");
    int64_t t3 = rr_now_ns(CLOCK_MONOTONIC);
    printf("clock_nanosleep abstime: woke %lld ns after target (late: %s)\n", (long long)(t3 - target),
           t3 >= target ? "yes" : "no");

    usleep(2000);
    int64_t t4 = rr_now_ns(CLOCK_MONOTONIC);
    printf("usleep 2ms: elapsed %lld ns\n", (long long)(t4 - t3));
    printf("zero sleep: %d\n", nanosleep(&(struct timespec){0, 0}, NULL));
    return 0;
}
