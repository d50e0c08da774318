/* fc_epoll_oneshot: EPOLLONESHOT reports an fd once until re-armed with EPOLL_CTL_MOD;
 * EPOLLET reports new data only once per arrival; EPOLL_CTL_DEL then no events.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/epoll.h>

static int wait_count(int ep) {
    struct epoll_event ev[4];
    return epoll_wait(ep, ev, 4, 0);
}

int main(void) {
    int a[2], b[2];
    CHECK(pipe(a) == 0 && pipe(b) == 0, "pipe");
    int ep = epoll_create1(EPOLL_CLOEXEC);
    CHECK(ep >= 0, "epoll_create1");
    struct epoll_event ev = {.events = EPOLLIN | EPOLLONESHOT, .data.fd = a[0]};
    CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, a[0], &ev) == 0, "add oneshot");
    CHECK(write(a[1], "x", 1) == 1, "write");
    int first = wait_count(ep), again = wait_count(ep);
    printf("oneshot: first %d, again %d\n", first, again);
    CHECK(epoll_ctl(ep, EPOLL_CTL_MOD, a[0], &ev) == 0, "rearm");
    printf("rearmed: %d\n", wait_count(ep));
    CHECK(epoll_ctl(ep, EPOLL_CTL_DEL, a[0], NULL) == 0, "del");
    struct epoll_event et = {.events = EPOLLIN | EPOLLET, .data.fd = b[0]};
    CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, b[0], &et) == 0, "add et");
    CHECK(write(b[1], "y", 1) == 1, "write");
    first = wait_count(ep);
    again = wait_count(ep);
    printf("edge: first %d, again %d\n", first, again);
    CHECK(write(b[1], "z", 1) == 1, "write");
    printf("edge after new data: %d\n", wait_count(ep));
    printf("after delete of a: %d\n", wait_count(ep));
    return 0;
}
