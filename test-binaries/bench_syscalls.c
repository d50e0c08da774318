/* bench_syscalls: cheap syscalls for the recording-overhead benchmark: COUNT rounds (default
 * 50000) of getppid, clock_gettime(CLOCK_MONOTONIC), a 1-byte pipe write and the matching read,
 * i.e. 4 syscalls a round, ~200k in all. Prints a summary whose values do not depend on timing.
 * usage: bench_syscalls [rounds]
 * NONDETERMINISTIC: no (the clock values are only checked for monotonicity)
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/syscall.h>

int main(int argc, char **argv) {
    long rounds = argc > 1 ? atol(argv[1]) : 50000;
    int p[2];
    CHECK(pipe(p) == 0, "pipe");
    long ppid_ok = 0, monotonic = 0, bytes = 0;
    int64_t last = 0;
    pid_t ppid = getppid();
    for (long i = 0; i < rounds; i++) {
        ppid_ok += syscall(SYS_getppid) == ppid;
        int64_t now = rr_now_ns(CLOCK_MONOTONIC);
        monotonic += now >= last;
        last = now;
        char c = (char)i;
        CHECK(write(p[1], &c, 1) == 1, "write");
        char d;
        CHECK(read(p[0], &d, 1) == 1, "read");
        bytes += d == c;
    }
    printf("rounds=%ld syscalls=%ld getppid-same=%ld clock-monotonic=%ld pipe-bytes-ok=%ld\n", rounds,
           rounds * 4, ppid_ok, monotonic, bytes);
    return 0;
}
