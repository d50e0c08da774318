/* fc_mmap_private_file: writes through a MAP_PRIVATE file mapping stay private: the file and a
 * second private mapping still read the original bytes.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/mman.h>

int main(void) {
    char *dir = rr_make_tempdir();
    int fd = open(rr_path(dir, "data"), O_RDWR | O_CREAT, 0600);
    CHECK(fd >= 0, "open");
    CHECK(write(fd, "original contents", 17) == 17, "write");
    char *a = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    char *b = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
    CHECK(a != MAP_FAILED && b != MAP_FAILED, "mmap");
    memcpy(a, "CHANGED!", 8);
    char buf[18] = {0};
    CHECK(pread(fd, buf, 17, 0) == 17, "pread");
    printf("mapping a: %.17s\nmapping b: %.17s\nfile: %s\n", a, b, buf);
    munmap(a, 4096);
    munmap(b, 4096);
    close(fd);
    rr_remove_tree(dir);
    return 0;
}
