/* fc_madvise_dontneed: MADV_DONTNEED on private anonymous memory reads back as zeros; on a
 * private file mapping it reads back the file's bytes again; MADV_FREE and MADV_WILLNEED succeed.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/mman.h>

int main(void) {
    char *a = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(a != MAP_FAILED, "mmap");
    memset(a, 7, 2 * 4096);
    CHECK(madvise(a, 4096, MADV_DONTNEED) == 0, "madvise");
    printf("anonymous after DONTNEED: %d %d\n", a[0], a[4096]);
    char *dir = rr_make_tempdir();
    int fd = open(rr_path(dir, "f"), O_RDWR | O_CREAT, 0600);
    CHECK(fd >= 0, "open");
    CHECK(write(fd, "file bytes", 10) == 10, "write");
    char *f = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    CHECK(f != MAP_FAILED, "mmap file");
    memcpy(f, "XXXX", 4);
    printf("file mapping written: %.10s\n", f);
    CHECK(madvise(f, 4096, MADV_DONTNEED) == 0, "madvise file");
    printf("file mapping after DONTNEED: %.10s\n", f);
    printf("MADV_FREE: %d, MADV_WILLNEED: %d\n", madvise(a + 4096, 4096, MADV_FREE), madvise(f, 4096, MADV_WILLNEED));
    close(fd);
    rr_remove_tree(dir);
    return 0;
}
