/* rr_poll_timeout: waiting with timeouts: poll, ppoll, select, pselect and epoll_wait, each once
 * timing out on an empty pipe and once ready on a pipe with data. Prints ready counts (fixed) and
 * elapsed nanoseconds (vary).
 * NONDETERMINISTIC: yes (elapsed ns)
 * expected exit status: 0 */
#include "rr_util.h"
#include <poll.h>
#include <sys/epoll.h>
#include <sys/select.h>

static int64_t t0;
static void start(void) { t0 = rr_now_ns(CLOCK_MONOTONIC); }
static void report(const char *what, int rc) {
    int64_t el = rr_now_ns(CLOCK_MONOTONIC) - t0;
    printf("%-22s ready=%d elapsed_ns=%lld\n", what, rc, (long long)el);
}

int main(void) {
    int empty[2], full[2];
    CHECK(pipe(empty) == 0 && pipe(full) == 0, "pipe");
    CHECK(write(full[1], "x", 1) == 1, "write");

    struct pollfd pfd = {.fd = empty[0], .events = POLLIN};
    start(); report("poll timeout 20ms", poll(&pfd, 1, 20));
    pfd.fd = full[0];
    start(); report("poll ready", poll(&pfd, 1, 1000));

    struct timespec ts = {0, 15 * 1000 * 1000};
    pfd.fd = empty[0];
    start(); report("ppoll timeout 15ms", ppoll(&pfd, 1, &ts, NULL));

    fd_set rd;
    FD_ZERO(&rd); FD_SET(empty[0], &rd);
    struct timeval tv = {0, 10000};
    start(); int rc = select(empty[0] + 1, &rd, NULL, NULL, &tv);
    report("select timeout 10ms", rc);
    printf("select left timeout: %ld us (kernel updates it)\n", (long)tv.tv_usec);
    FD_ZERO(&rd); FD_SET(full[0], &rd); FD_SET(empty[0], &rd);
    tv.tv_sec = 1; tv.tv_usec = 0;
    int nfds = (full[0] > empty[0] ? full[0] : empty[0]) + 1;
    start(); rc = select(nfds, &rd, NULL, NULL, &tv);
    report("select ready", rc);
    printf("select set: full=%d empty=%d\n", FD_ISSET(full[0], &rd) != 0, FD_ISSET(empty[0], &rd) != 0);
    FD_ZERO(&rd); FD_SET(empty[0], &rd);
    start(); report("pselect timeout 5ms", pselect(empty[0] + 1, &rd, NULL, NULL,
                                                   &(struct timespec){0, 5000000}, NULL));

    int ep = epoll_create1(EPOLL_CLOEXEC);
    CHECK(ep >= 0, "epoll_create1");
    struct epoll_event ev = {.events = EPOLLIN, .data.u64 = 111};
    CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, empty[0], &ev) == 0, "epoll_ctl");
    struct epoll_event out[4];
    start(); report("epoll_wait timeout 10ms", epoll_wait(ep, out, 4, 10));
    ev.data.u64 = 222;
    CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, full[0], &ev) == 0, "epoll_ctl");
    start(); rc = epoll_wait(ep, out, 4, 1000);
    report("epoll_wait ready", rc);
    for (int i = 0; i < rc; i++)
        printf("epoll event data=%llu events=%#x\n", (unsigned long long)out[i].data.u64, out[i].events);
    close(ep);
    return 0;
}
