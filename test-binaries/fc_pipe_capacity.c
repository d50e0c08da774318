/* fc_pipe_capacity: F_GETPIPE_SZ, F_SETPIPE_SZ to 64 KiB, filling a non-blocking pipe until
 * EAGAIN (how much fit), FIONREAD of the full pipe.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/ioctl.h>

int main(void) {
    int p[2];
    CHECK(pipe2(p, O_NONBLOCK) == 0, "pipe2");
    printf("default size %d\n", fcntl(p[1], F_GETPIPE_SZ));
    printf("set to %d\n", fcntl(p[1], F_SETPIPE_SZ, 65536));
    char block[1000];
    memset(block, 'z', sizeof block);
    long total = 0;
    ssize_t n;
    while ((n = write(p[1], block, sizeof block)) > 0) total += n;
    printf("filled %ld then %s\n", total, strerrorname_np(errno));
    int avail = 0;
    ioctl(p[0], FIONREAD, &avail);
    printf("FIONREAD %d\n", avail);
    return 0;
}
