/* rr_rand_time: the classic srand(time) pattern, seeded from time() and the nanoseconds of
 * CLOCK_REALTIME so that it differs even within one second; prints rand() and random() values.
 * NONDETERMINISTIC: yes (seed from the clock)
 * expected exit status: 0 */
#include "rr_util.h"

int main(void) {
    struct timespec ts;
    CHECK(clock_gettime(CLOCK_REALTIME, &ts) == 0, "clock_gettime");
    unsigned seed = (unsigned)time(NULL) ^ (unsigned)ts.tv_nsec;
    srand(seed);
    srandom(seed * 2654435761u);
    printf("seed: %u\n", seed);
    for (int i = 0; i < 5; i++)
        printf("rand[%d] = %d\n", i, rand());
    long sum = 0;
    for (int i = 0; i < 1000; i++)
        sum += random() % 100;
    printf("sum of 1000 random()%%100 = %ld\n", sum);
    return 0;
}
