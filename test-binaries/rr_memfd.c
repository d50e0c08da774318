/* rr_memfd: an anonymous file shared by two mappings: memfd_create, ftruncate, two MAP_SHARED
 * mappings of it (a write through one is seen through the other and by pread), a write() seen
 * through a mapping, fallocate punch-hole zeroing, sealing (F_ADD_SEALS F_SEAL_GROW then EPERM).
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/mman.h>

int main(void) {
    long page = sysconf(_SC_PAGESIZE);
    int fd = memfd_create("rr_memfd", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    CHECK(fd >= 0, "memfd_create");
    CHECK(ftruncate(fd, 4 * page) == 0, "ftruncate");
    char *a = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *b = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(a != MAP_FAILED && b != MAP_FAILED, "mmap");
    printf("two mappings differ: %s\n", a != b ? "yes" : "no");
    strcpy(a + 10, "written via a");
    printf("seen via b: %s\n", b + 10);
    char buf[32] = {0};
    CHECK(pread(fd, buf, 13, 10) == 13, "pread");
    printf("seen via pread: %s\n", buf);
    CHECK(pwrite(fd, "pwrite data", 11, page) == 11, "pwrite");
    printf("pwrite seen via a: %.11s\n", a + page);
    b[2 * page] = 'Z';
    CHECK(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, page) == 0, "punch hole");
    printf("after punch hole: a[10]=%d, b[2*page]=%c\n", a[10], b[2 * page]);
    CHECK(fcntl(fd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK) == 0, "F_ADD_SEALS");
    printf("seals: %#x\n", fcntl(fd, F_GET_SEALS));
    errno = 0;
    int rc = ftruncate(fd, 8 * page);
    printf("grow sealed memfd: rc=%d errno=%s\n", rc, strerrorname_np(errno));
    printf("hash: %016llx\n", (unsigned long long)rr_fnv(RR_FNV_INIT, a, 4 * page));
    munmap(a, 4 * page);
    munmap(b, 4 * page);
    close(fd);
    return 0;
}
