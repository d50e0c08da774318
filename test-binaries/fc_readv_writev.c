/* fc_readv_writev: writev of three pieces, readv into buffers of other sizes, preadv2 and
 * pwritev2 at offsets, and a short readv at end of file.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/uio.h>

int main(void) {
    char *dir = rr_make_tempdir();
    int fd = open(rr_path(dir, "v"), O_RDWR | O_CREAT, 0600);
    CHECK(fd >= 0, "open");
    struct iovec w[3] = {{"head-", 5}, {"middle-", 7}, {"tail", 4}};
    printf("writev: %zd\n", writev(fd, w, 3));
    char a[3], b[6], c[20] = {0};
    struct iovec r[3] = {{a, 3}, {b, 6}, {c, sizeof c - 1}};
    lseek(fd, 0, SEEK_SET);
    ssize_t n = readv(fd, r, 3);
    printf("readv: %zd '%.3s' '%.6s' '%s'\n", n, a, b, c);
    struct iovec pw[1] = {{"XY", 2}};
    printf("pwritev2: %zd\n", pwritev2(fd, pw, 1, 5, 0));
    char d[8] = {0};
    struct iovec pr[1] = {{d, 7}};
    printf("preadv2: %zd '%s'\n", preadv2(fd, pr, 1, 3, 0), d);
    printf("readv at end: %zd\n", readv(fd, r, 3));
    close(fd);
    rr_remove_tree(dir);
    return 0;
}
