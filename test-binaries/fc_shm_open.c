/* fc_shm_open: a POSIX shared memory object (shm_open, ftruncate, one MAP_SHARED mapping),
 * written through the mapping and read back with pread; shm_unlink then a second open fails.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/mman.h>

int main(void) {
    char name[64];
    snprintf(name, sizeof name, "/jrrtui-fc-shm-%d", (int)getpid());
    int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
    CHECK(fd >= 0, "shm_open");
    CHECK(ftruncate(fd, 8192) == 0, "ftruncate");
    char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(m != MAP_FAILED, "mmap");
    strcpy(m + 4096, "in shared memory");
    char buf[17] = {0};
    CHECK(pread(fd, buf, 16, 4096) == 16, "pread");
    printf("pread of the object: %s\n", buf);
    CHECK(shm_unlink(name) == 0, "shm_unlink");
    errno = 0;
    int again = shm_open(name, O_RDWR, 0);
    printf("after unlink: %d %s; mapping still reads '%s'\n", again, strerrorname_np(errno), m + 4096);
    munmap(m, 8192);
    close(fd);
    return 0;
}
