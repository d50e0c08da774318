/* rr_stdin_hash: reads all of stdin with read(2) in odd-sized chunks and prints the byte count,
 * line count, chunk count and an FNV-1a hash. Works with stdin from /dev/null (0 bytes), a file
 * or a pipe.
 * NONDETERMINISTIC: no (for the same input; the chunk count may differ for a pipe fed slowly)
 * stdin: any input, e.g. a file; /dev/null gives bytes=0 hash=cbf29ce484222325
 * expected exit status: 0 */
#include "rr_util.h"

int main(void) {
    char buf[777];
    uint64_t h = RR_FNV_INIT;
    long bytes = 0, lines = 0, chunks = 0;
    ssize_t n;
    while ((n = read(0, buf, sizeof buf)) != 0) {
        if (n < 0) {
            if (errno == EINTR) continue;
            CHECK(0, "read stdin");
        }
        chunks++;
        bytes += n;
        for (ssize_t i = 0; i < n; i++)
            lines += buf[i] == '\n';
        h = rr_fnv(h, buf, n);
    }
    printf("bytes=%ld lines=%ld hash=%016llx\n", bytes, lines, (unsigned long long)h);
    fprintf(stderr, "chunks=%ld\n", chunks);
    return 0;
}
