/* rr_time: the time sources libc reads (with the vDSO hidden by the recorder they become real
 * syscalls): clock_gettime REALTIME/MONOTONIC/BOOTTIME/PROCESS_CPUTIME, gettimeofday, time(),
 * clock_getres. Prints raw nanosecond values and the deltas between consecutive reads.
 * NONDETERMINISTIC: yes (raw clock values differ on every run)
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/time.h>

int main(void) {
    struct timespec res;
    CHECK(clock_getres(CLOCK_MONOTONIC, &res) == 0, "clock_getres");
    printf("res monotonic ns: %lld\n", (long long)rr_ts_ns(&res));

    int64_t rt = rr_now_ns(CLOCK_REALTIME);
    int64_t mono1 = rr_now_ns(CLOCK_MONOTONIC);
    int64_t mono2 = rr_now_ns(CLOCK_MONOTONIC);
    int64_t boot = rr_now_ns(CLOCK_BOOTTIME);
    int64_t cpu = rr_now_ns(CLOCK_PROCESS_CPUTIME_ID);
    printf("realtime ns: %lld\n", (long long)rt);
    printf("monotonic ns: %lld then %lld (delta %lld, non-negative: %s)\n", (long long)mono1,
           (long long)mono2, (long long)(mono2 - mono1), mono2 >= mono1 ? "yes" : "no");
    printf("boottime ns: %lld\n", (long long)boot);
    printf("process cputime ns: %lld\n", (long long)cpu);

    struct timeval tv;
    CHECK(gettimeofday(&tv, NULL) == 0, "gettimeofday");
    printf("gettimeofday: %lld.%06ld\n", (long long)tv.tv_sec, (long)tv.tv_usec);
    time_t t = time(NULL);
    time_t t2;
    time(&t2);
    printf("time(): %lld %lld\n", (long long)t, (long long)t2);
    printf("realtime vs gettimeofday within 1s: %s\n",
           (tv.tv_sec - rt / 1000000000LL) <= 1 ? "yes" : "no");
    return 0;
}
