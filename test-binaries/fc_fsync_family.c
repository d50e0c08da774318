/* fc_fsync_family: fsync, fdatasync, syncfs, sync_file_range and sync on a file; fsync on a
 * pipe fails with EINVAL.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>

int main(void) {
    char *dir = rr_make_tempdir();
    int fd = open(rr_path(dir, "f"), O_RDWR | O_CREAT, 0600);
    CHECK(fd >= 0, "open");
    CHECK(write(fd, "data to sync", 12) == 12, "write");
    printf("fsync %d fdatasync %d syncfs %d\n", fsync(fd), fdatasync(fd), syncfs(fd));
    printf("sync_file_range %d\n", sync_file_range(fd, 0, 12, SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER));
    sync();
    int p[2];
    CHECK(pipe(p) == 0, "pipe");
    errno = 0;
    int r = fsync(p[0]);
    printf("fsync on a pipe: %d %s\n", r, strerrorname_np(errno));
    close(fd);
    rr_remove_tree(dir);
    return 0;
}
