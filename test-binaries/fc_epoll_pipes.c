/* fc_epoll_pipes: epoll over three pipes, two written: epoll_wait reports exactly those, with
 * their user data; EPOLL_CTL_DEL then a timed-out wait.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/epoll.h>

int main(void) {
    int p[3][2];
    int ep = epoll_create1(0);
    CHECK(ep >= 0, "epoll_create1");
    for (int i = 0; i < 3; i++) {
        CHECK(pipe(p[i]) == 0, "pipe");
        struct epoll_event ev = {.events = EPOLLIN, .data.u32 = 100 + i};
        CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, p[i][0], &ev) == 0, "add");
    }
    write(p[0][1], "a", 1);
    write(p[2][1], "c", 1);
    struct epoll_event out[4];
    int n = epoll_wait(ep, out, 4, 1000);
    int sum = 0;
    for (int i = 0; i < n; i++) sum += out[i].data.u32;
    printf("ready %d, user data sum %d\n", n, sum);
    for (int i = 0; i < 3; i++) epoll_ctl(ep, EPOLL_CTL_DEL, p[i][0], NULL);
    printf("after delete: %d\n", epoll_wait(ep, out, 4, 10));
    return 0;
}
