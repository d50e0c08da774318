/* rr_timerfd: timerfd_create/settime/gettime: a periodic 3 ms timer read after sleeping 20 ms
 * (the expiration count depends on timing), a blocking read of a one-shot timer, and
 * TFD_TIMER_ABSTIME on CLOCK_REALTIME. Prints expiration counts and remaining time in ns.
 * NONDETERMINISTIC: yes (remaining ns; expiration count around 6)
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/timerfd.h>

int main(void) {
    int t = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
    CHECK(t >= 0, "timerfd_create");
    struct itimerspec its = {.it_interval = {0, 3000000}, .it_value = {0, 3000000}};
    CHECK(timerfd_settime(t, 0, &its, NULL) == 0, "settime");
    struct itimerspec cur;
    CHECK(timerfd_gettime(t, &cur) == 0, "gettime");
    printf("remaining ns: %lld interval ns: %lld\n", (long long)rr_ts_ns(&cur.it_value),
           (long long)rr_ts_ns(&cur.it_interval));
    nanosleep(&(struct timespec){0, 20000000}, NULL);
    uint64_t exp;
    CHECK(read(t, &exp, 8) == 8, "read");
    printf("periodic expirations after 20ms: %llu\n", (unsigned long long)exp);
    CHECK(read(t, &exp, 8) == 8, "read");
    printf("blocking read of next period: %llu\n", (unsigned long long)exp);

    struct itimerspec one = {.it_value = {0, 5000000}};
    CHECK(timerfd_settime(t, 0, &one, NULL) == 0, "settime oneshot");
    CHECK(read(t, &exp, 8) == 8, "read");
    printf("one-shot expirations: %llu\n", (unsigned long long)exp);

    int r = timerfd_create(CLOCK_REALTIME, 0);
    CHECK(r >= 0, "timerfd realtime");
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    now.tv_nsec += 4000000;
    if (now.tv_nsec >= 1000000000) { now.tv_sec++; now.tv_nsec -= 1000000000; }
    struct itimerspec abs = {.it_value = now};
    CHECK(timerfd_settime(r, TFD_TIMER_ABSTIME, &abs, NULL) == 0, "settime abs");
    CHECK(read(r, &exp, 8) == 8, "read abs");
    printf("absolute realtime expirations: %llu at %lld\n", (unsigned long long)exp,
           (long long)rr_now_ns(CLOCK_REALTIME));
    close(r);
    close(t);
    return 0;
}
