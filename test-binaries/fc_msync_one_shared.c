/* fc_msync_one_shared: one MAP_SHARED mapping of a file, written, msync'd (MS_SYNC and
 * MS_ASYNC); read(2) of the file then sees the writes, and a write(2) to the file shows in the
 * mapping.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/mman.h>

int main(void) {
    char *dir = rr_make_tempdir();
    int fd = open(rr_path(dir, "shared"), O_RDWR | O_CREAT, 0600);
    CHECK(fd >= 0, "open");
    CHECK(ftruncate(fd, 4096) == 0, "ftruncate");
    char *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(m != MAP_FAILED, "mmap");
    strcpy(m, "written through the mapping");
    printf("msync sync: %d\n", msync(m, 4096, MS_SYNC));
    char buf[32] = {0};
    CHECK(pread(fd, buf, 27, 0) == 27, "pread");
    printf("file reads: %s\n", buf);
    strcpy(m + 100, "async");
    printf("msync async: %d\n", msync(m, 4096, MS_ASYNC));
    CHECK(pread(fd, buf, 5, 100) == 5, "pread");
    printf("file at 100: %.5s\n", buf);
    munmap(m, 4096);
    close(fd);
    rr_remove_tree(dir);
    return 0;
}
