/* fc_memfd_seal: a memfd written, sealed against growing and writing, then attempts to write and
 * truncate fail with EPERM; F_GET_SEALS shows the seals; read back through pread.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/mman.h>

int main(void) {
    int fd = memfd_create("fc-seal", MFD_ALLOW_SEALING);
    CHECK(fd >= 0, "memfd_create");
    CHECK(write(fd, "sealed data", 11) == 11, "write");
    CHECK(fcntl(fd, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK | F_SEAL_WRITE) == 0, "seal");
    int seals = fcntl(fd, F_GET_SEALS);
    printf("seals grow %d shrink %d write %d\n", !!(seals & F_SEAL_GROW), !!(seals & F_SEAL_SHRINK), !!(seals & F_SEAL_WRITE));
    errno = 0;
    printf("write: %zd %s\n", pwrite(fd, "x", 1, 0), strerrorname_np(errno));
    errno = 0;
    printf("truncate: %d %s\n", ftruncate(fd, 2), strerrorname_np(errno));
    char buf[16] = {0};
    printf("pread %zd '%s'\n", pread(fd, buf, sizeof buf - 1, 0), buf);
    return 0;
}
