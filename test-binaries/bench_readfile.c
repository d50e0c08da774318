/* bench_readfile FILE [COUNT] [MODE]: COUNT reads of 4 KB (default 100000) from FILE, round and
 * round (lseek to 0 at its end), then an FNV-1a hash (by 8-byte words) of every byte read; MODE "pread" reads with
 * pread at a running offset instead, "rewrite" also rewrites the file's first 4 KB with itself
 * changed (one byte incremented) half way through, so later reads see a new version of it.
 * The syscall-buffering benchmark's regular-file workload (reads kept by reference, issue 13).
 * expected output: reads=COUNT bytes=N hash=H (H depends on FILE)
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>

int main(int argc, char **argv) {
    CHECK(argc > 1, "usage: bench_readfile FILE [COUNT] [pread|rewrite]");
    long count = argc > 2 ? atol(argv[2]) : 100000;
    const char *mode = argc > 3 ? argv[3] : "read";
    int use_pread = strcmp(mode, "pread") == 0, rewrite = strcmp(mode, "rewrite") == 0;
    int fd = open(argv[1], rewrite ? O_RDWR : O_RDONLY);
    CHECK(fd >= 0, "open");
    static char buf[4096];
    uint64_t h = RR_FNV_INIT;
    long bytes = 0, off = 0;
    for (long i = 0; i < count; i++) {
        if (rewrite && i == count / 2) {
            char first[4096];
            ssize_t n = pread(fd, first, sizeof first, 0);
            CHECK(n > 0, "pread for rewrite");
            first[0]++;
            CHECK(pwrite(fd, first, n, 0) == n, "pwrite");
        }
        ssize_t n = use_pread ? pread(fd, buf, sizeof buf, off) : read(fd, buf, sizeof buf);
        CHECK(n >= 0, "read");
        if (n == 0) { /* the end: round again */
            off = 0;
            CHECK(use_pread || lseek(fd, 0, SEEK_SET) == 0, "lseek");
            continue;
        }
        off += n;
        bytes += n;
        uint64_t w[512] = {0};
        memcpy(w, buf, n);
        for (ssize_t k = 0; k < (n + 7) / 8; k++) h = (h ^ w[k]) * 0x100000001b3ULL; /* word-wise: cheap, every byte */
    }
    printf("reads=%ld bytes=%ld hash=%016llx\n", count, bytes, (unsigned long long)h);
    return 0;
}
