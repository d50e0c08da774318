/* rr_eventfd: eventfd counters: plain (read returns and clears the sum), EFD_SEMAPHORE (read
 * returns 1), EFD_NONBLOCK EAGAIN when zero, poll readiness.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <poll.h>
#include <sys/eventfd.h>

int main(void) {
    int e = eventfd(5, EFD_CLOEXEC | EFD_NONBLOCK);
    CHECK(e >= 0, "eventfd");
    uint64_t v = 7;
    CHECK(write(e, &v, 8) == 8, "write");
    v = 30;
    CHECK(write(e, &v, 8) == 8, "write");
    CHECK(read(e, &v, 8) == 8, "read");
    printf("eventfd read: %llu\n", (unsigned long long)v);
    errno = 0;
    ssize_t n = read(e, &v, 8);
    printf("read when zero: %zd errno=%s\n", n, strerrorname_np(errno));

    int s = eventfd(3, EFD_SEMAPHORE);
    CHECK(s >= 0, "eventfd sem");
    struct pollfd pfd = {.fd = s, .events = POLLIN};
    for (int i = 0; i < 3; i++) {
        CHECK(read(s, &v, 8) == 8, "read sem");
        printf("semaphore read %d: %llu\n", i, (unsigned long long)v);
    }
    printf("poll after draining semaphore: %d\n", poll(&pfd, 1, 0));
    v = 2;
    CHECK(write(s, &v, 8) == 8, "write sem");
    int ready = poll(&pfd, 1, 0);
    printf("poll after post: %d revents=%#x\n", ready, pfd.revents);
    close(s);
    close(e);
    return 0;
}
