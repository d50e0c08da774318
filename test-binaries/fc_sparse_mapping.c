/* fc_sparse_mapping: a 4 GiB sparse file mapped whole (MAP_PRIVATE), with data at its start and
 * end only; reads both ends and a hole in the middle.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/mman.h>

int main(void) {
    char *dir = rr_make_tempdir();
    const char *path = rr_path(dir, "sparse");
    int fd = open(path, O_RDWR | O_CREAT, 0600);
    CHECK(fd >= 0, "open");
    off_t size = 4LL << 30;
    CHECK(pwrite(fd, "head", 4, 0) == 4, "pwrite head");
    CHECK(pwrite(fd, "tail", 4, size - 4) == 4, "pwrite tail");
    char *p = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    CHECK(p != MAP_FAILED, "mmap");
    printf("head %.4s tail %.4s middle %d\n", p, p + size - 4, p[size / 2]);
    munmap(p, size);
    close(fd);
    rr_remove_tree(dir);
    return 0;
}
