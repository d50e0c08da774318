/* fc_pipe_nonblock_packet: an O_NONBLOCK pipe's empty read fails with EAGAIN; a pipe2(O_DIRECT)
 * packet pipe returns one write per read; a read after the writer closed returns 0.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>

int main(void) {
    int p[2];
    CHECK(pipe2(p, O_NONBLOCK) == 0, "pipe2");
    char buf[32];
    errno = 0;
    ssize_t n = read(p[0], buf, sizeof buf);
    printf("empty nonblocking: %zd %s\n", n, strerrorname_np(errno));
    close(p[0]);
    close(p[1]);
    CHECK(pipe2(p, O_DIRECT) == 0, "pipe2 O_DIRECT");
    CHECK(write(p[1], "abc", 3) == 3 && write(p[1], "defgh", 5) == 5, "write");
    for (int i = 0; i < 2; i++) {
        n = read(p[0], buf, sizeof buf);
        printf("packet %d: %.*s\n", i, (int)n, buf);
    }
    close(p[1]);
    printf("after close: %zd\n", read(p[0], buf, sizeof buf));
    return 0;
}
