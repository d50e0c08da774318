/* fc_sparse_holes: ftruncate makes a sparse file; SEEK_DATA/SEEK_HOLE find the written
 * extents; fallocate punches a hole that then reads as zeros.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <linux/falloc.h>

int main(void) {
    char *dir = rr_make_tempdir();
    int fd = open(rr_path(dir, "sparse"), O_RDWR | O_CREAT, 0600);
    CHECK(fd >= 0, "open");
    CHECK(ftruncate(fd, 1 << 20) == 0, "ftruncate");
    char block[4096];
    memset(block, 'd', sizeof block);
    CHECK(pwrite(fd, block, sizeof block, 256 * 1024) == 4096, "pwrite");
    off_t data = lseek(fd, 0, SEEK_DATA), hole = lseek(fd, data, SEEK_HOLE);
    printf("data at %ld, hole at %ld, size %ld\n", (long)data, (long)hole, (long)lseek(fd, 0, SEEK_END));
    int r = fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 256 * 1024, 4096);
    printf("punch: %d %s\n", r, r ? strerrorname_np(errno) : "");
    char back[8];
    CHECK(pread(fd, back, sizeof back, 256 * 1024) == 8, "pread");
    printf("after punch reads zeros: %d\n", back[0] == 0 && back[7] == 0);
    errno = 0;
    off_t none = lseek(fd, 0, SEEK_DATA);
    printf("data after punch: %ld %s\n", (long)none, none < 0 ? strerrorname_np(errno) : "");
    close(fd);
    rr_remove_tree(dir);
    return 0;
}
