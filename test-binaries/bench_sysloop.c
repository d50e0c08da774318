/* bench_sysloop [ROUNDS]: the syscall-buffering benchmark's mixed loop: each round reads 512 bytes
 * of this program's own file (a regular file; rewinds at the end), writes 64 bytes to /dev/null,
 * fstats the file and reads CLOCK_MONOTONIC. Default 20000 rounds (80000 syscalls).
 * Prints a summary that does not depend on timing.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(int argc, char **argv) {
    long rounds = argc > 1 ? atol(argv[1]) : 20000;
    int in = open("/proc/self/exe", O_RDONLY);
    CHECK(in >= 0, "open self");
    int out = open("/dev/null", O_WRONLY);
    CHECK(out >= 0, "open /dev/null");
    char buf[512];
    uint64_t h = RR_FNV_INIT;
    long monotonic = 0, sized = 0, rewinds = 0;
    struct timespec last = {0, 0};
    for (long i = 0; i < rounds; i++) {
        ssize_t n = read(in, buf, sizeof buf);
        CHECK(n >= 0, "read");
        if (n < (ssize_t)sizeof buf) {
            CHECK(lseek(in, 0, SEEK_SET) == 0, "lseek");
            rewinds++;
        }
        h = rr_fnv(h, buf, (size_t)n);
        CHECK(write(out, buf, 64) == 64, "write");
        struct stat st;
        CHECK(fstat(in, &st) == 0, "fstat");
        sized += st.st_size > 0;
        struct timespec now;
        CHECK(clock_gettime(CLOCK_MONOTONIC, &now) == 0, "clock_gettime");
        monotonic += now.tv_sec > last.tv_sec || (now.tv_sec == last.tv_sec && now.tv_nsec >= last.tv_nsec);
        last = now;
    }
    printf("rounds=%ld rewinds=%ld sized=%ld monotonic=%ld hash=%016llx\n", rounds, rewinds, sized, monotonic,
           (unsigned long long)h);
    return 0;
}
