/* fc_poll_hup: poll on a pipe whose writer closed reports POLLHUP; on a socket whose peer shut
 * down writing, POLLIN|POLLRDHUP; on a closed descriptor number, POLLNVAL.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#define _GNU_SOURCE
#include "rr_util.h"
#include <poll.h>
#include <sys/socket.h>

int main(void) {
    int p[2], sv[2];
    CHECK(pipe(p) == 0, "pipe");
    close(p[1]);
    struct pollfd pf[3] = {{p[0], POLLIN, 0}};
    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0, "socketpair");
    shutdown(sv[0], SHUT_WR);
    pf[1] = (struct pollfd){sv[1], POLLIN | POLLRDHUP, 0};
    int dead = dup(0);
    close(dead);
    pf[2] = (struct pollfd){dead, POLLIN, 0};
    int n = poll(pf, 3, 1000);
    printf("ready %d: pipe HUP %d, socket IN %d RDHUP %d, closed NVAL %d\n", n, (pf[0].revents & POLLHUP) != 0,
           (pf[1].revents & POLLIN) != 0, (pf[1].revents & POLLRDHUP) != 0, (pf[2].revents & POLLNVAL) != 0);
    return 0;
}
