/* fc_io_uring: io_uring_setup and the old Linux AIO io_setup. Recorded programs are told they
 * do not exist (ENOSYS: the kernel writes their rings behind the program's back), and a runtime
 * falls back to plain read/write, as this program does.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/syscall.h>

int main(void) {
    char params[120] = {0};
    errno = 0;
    long r = syscall(SYS_io_uring_setup, 4, params);
    int uring = r >= 0;
    if (uring) close((int)r);
    unsigned long ctx = 0;
    errno = 0;
    long a = syscall(SYS_io_setup, 4, &ctx);
    int aio = a == 0;
    if (aio) syscall(SYS_io_destroy, ctx);
    printf("io_uring %s, aio %s\n", uring ? "available" : "unavailable", aio ? "available" : "unavailable");
    int fd = open("/proc/self/exe", O_RDONLY);
    CHECK(fd >= 0, "open");
    char magic[4];
    CHECK(read(fd, magic, 4) == 4, "read fallback");
    printf("fallback read: %c%c%c\n", magic[1], magic[2], magic[3]);
    return 0;
}
