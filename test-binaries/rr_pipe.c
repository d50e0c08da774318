/* rr_pipe: pipes inside one process: pipe2 (O_CLOEXEC), write/read, poll for readiness,
 * fcntl F_GETFL/F_SETFL O_NONBLOCK and the EAGAIN of an empty pipe, F_GETPIPE_SZ, filling the
 * pipe until EAGAIN, and EOF after the write end is closed.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <poll.h>

int main(void) {
    int p[2];
    CHECK(pipe2(p, O_CLOEXEC) == 0, "pipe2");
    printf("cloexec: %s\n", (fcntl(p[0], F_GETFD) & FD_CLOEXEC) ? "yes" : "no");
    struct pollfd pfd = {.fd = p[0], .events = POLLIN};
    printf("poll empty: %d\n", poll(&pfd, 1, 0));
    CHECK(write(p[1], "ping pong", 9) == 9, "write");
    int ready = poll(&pfd, 1, 0);
    printf("poll after write: %d revents=%#x\n", ready, pfd.revents);
    char buf[16] = {0};
    ssize_t n = read(p[0], buf, 4);
    printf("read %zd '%s'\n", n, buf);
    n = read(p[0], buf, sizeof buf);
    printf("read %zd '%.*s'\n", n, (int)n, buf);

    int fl = fcntl(p[0], F_GETFL);
    CHECK(fcntl(p[0], F_SETFL, fl | O_NONBLOCK) == 0, "F_SETFL");
    CHECK(fcntl(p[1], F_SETFL, fl | O_NONBLOCK) == 0, "F_SETFL");
    errno = 0;
    n = read(p[0], buf, sizeof buf);
    printf("nonblocking read of empty pipe: %zd errno=%s\n", n, strerrorname_np(errno));

    int size = fcntl(p[1], F_GETPIPE_SZ);
    printf("pipe size: %d\n", size);
    static char chunk[4096];
    memset(chunk, 'x', sizeof chunk);
    long total = 0;
    while ((n = write(p[1], chunk, sizeof chunk)) > 0)
        total += n;
    printf("filled %ld bytes, then errno=%s\n", total, strerrorname_np(errno));
    pfd.fd = p[1];
    pfd.events = POLLOUT;
    printf("poll POLLOUT on full pipe: %d\n", poll(&pfd, 1, 0));
    long drained = 0;
    while ((n = read(p[0], chunk, sizeof chunk)) > 0)
        drained += n;
    printf("drained %ld\n", drained);
    close(p[1]);
    CHECK(fcntl(p[0], F_SETFL, fl) == 0, "F_SETFL blocking");
    printf("read after writer closed: %zd\n", read(p[0], buf, sizeof buf));
    close(p[0]);
    return 0;
}
