/* bench_read4k [COUNT]: COUNT reads of 4 KB (default 100000) from /dev/zero, summed; the
 * syscall-buffering benchmark's bulk-read workload.
 * expected output (default): reads=100000 bytes=409600000 nonzero=0
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>

int main(int argc, char **argv) {
    long count = argc > 1 ? atol(argv[1]) : 100000;
    int fd = open("/dev/zero", O_RDONLY);
    CHECK(fd >= 0, "open /dev/zero");
    static char buf[4096];
    long bytes = 0, nonzero = 0;
    for (long i = 0; i < count; i++) {
        ssize_t n = read(fd, buf, sizeof buf);
        CHECK(n == (ssize_t)sizeof buf, "read");
        bytes += n;
        nonzero += buf[i % sizeof buf] != 0;
    }
    printf("reads=%ld bytes=%ld nonzero=%ld\n", count, bytes, nonzero);
    return 0;
}
