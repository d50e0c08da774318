/* fc_fcntl_flags: F_GETFL/F_SETFL (O_APPEND, O_NONBLOCK), F_GETFD/F_SETFD, F_DUPFD_CLOEXEC with a
 * minimum number, F_GETPIPE_SZ/F_SETPIPE_SZ, and a bad descriptor (EBADF).
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>

int main(void) {
    int p[2];
    CHECK(pipe(p) == 0, "pipe");
    int fl = fcntl(p[1], F_GETFL);
    printf("write end: O_WRONLY %d, nonblock %d\n", (fl & O_ACCMODE) == O_WRONLY, (fl & O_NONBLOCK) != 0);
    fcntl(p[1], F_SETFL, fl | O_NONBLOCK);
    printf("after F_SETFL: nonblock %d\n", (fcntl(p[1], F_GETFL) & O_NONBLOCK) != 0);
    printf("cloexec before %d, ", fcntl(p[0], F_GETFD) & FD_CLOEXEC);
    fcntl(p[0], F_SETFD, FD_CLOEXEC);
    printf("after %d\n", fcntl(p[0], F_GETFD) & FD_CLOEXEC);
    int d = fcntl(p[0], F_DUPFD_CLOEXEC, 50);
    printf("dup at or above 50: %d, cloexec %d\n", d >= 50, fcntl(d, F_GETFD) & FD_CLOEXEC);
    printf("pipe size %d, ", fcntl(p[1], F_GETPIPE_SZ));
    printf("set to %d\n", fcntl(p[1], F_SETPIPE_SZ, 1 << 16));
    errno = 0;
    int r = fcntl(999, F_GETFL);
    printf("bad descriptor: %d %s\n", r, strerrorname_np(errno));
    return 0;
}
