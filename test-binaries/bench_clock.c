/* bench_clock [COUNT]: COUNT clock_gettime(CLOCK_MONOTONIC) calls (default 1000000), checking they
 * never go backwards; the syscall-buffering benchmark's vDSO-call workload.
 * expected output (default): calls=1000000 backwards=0
 * NONDETERMINISTIC: no (only monotonicity is printed)
 * expected exit status: 0 */
#include "rr_util.h"

int main(int argc, char **argv) {
    long count = argc > 1 ? atol(argv[1]) : 1000000;
    struct timespec last = {0, 0}, now;
    long backwards = 0;
    for (long i = 0; i < count; i++) {
        CHECK(clock_gettime(CLOCK_MONOTONIC, &now) == 0, "clock_gettime");
        backwards += now.tv_sec < last.tv_sec || (now.tv_sec == last.tv_sec && now.tv_nsec < last.tv_nsec);
        last = now;
    }
    printf("calls=%ld backwards=%ld\n", count, backwards);
    return 0;
}
