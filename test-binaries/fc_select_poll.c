/* fc_select_poll: select and poll over pipes: one readable, one not, a writable end; timeouts of
 * zero and 10 ms; pselect with a signal mask.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <poll.h>
#include <signal.h>
#include <sys/select.h>

int main(void) {
    int a[2], b[2];
    CHECK(pipe(a) == 0 && pipe(b) == 0, "pipe");
    write(a[1], "x", 1);
    fd_set r, w;
    FD_ZERO(&r); FD_ZERO(&w);
    FD_SET(a[0], &r); FD_SET(b[0], &r); FD_SET(b[1], &w);
    struct timeval tv = {0, 0};
    int n = select(b[1] + 1, &r, &w, NULL, &tv);
    printf("select %d: a %d b %d bw %d\n", n, FD_ISSET(a[0], &r), FD_ISSET(b[0], &r), FD_ISSET(b[1], &w));
    struct pollfd p[2] = {{a[0], POLLIN, 0}, {b[0], POLLIN, 0}};
    printf("poll %d revents %d %d\n", poll(p, 2, 10), p[0].revents, p[1].revents);
    sigset_t mask;
    sigemptyset(&mask);
    FD_ZERO(&r);
    FD_SET(b[0], &r);
    struct timespec ts = {0, 10 * 1000 * 1000};
    printf("pselect timeout %d\n", pselect(b[0] + 1, &r, NULL, NULL, &ts, &mask));
    return 0;
}
