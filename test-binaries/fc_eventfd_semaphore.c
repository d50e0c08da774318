/* fc_eventfd_semaphore: an eventfd in semaphore mode: three posts, reads take one each, a
 * non-blocking read on zero fails with EAGAIN.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/eventfd.h>

int main(void) {
    int fd = eventfd(0, EFD_SEMAPHORE | EFD_NONBLOCK);
    CHECK(fd >= 0, "eventfd");
    uint64_t v = 3;
    CHECK(write(fd, &v, 8) == 8, "post");
    for (int i = 0; i < 4; i++) {
        errno = 0;
        ssize_t n = read(fd, &v, 8);
        printf("read %d: %zd value %llu errno=%s\n", i, n, n == 8 ? (unsigned long long)v : 0ULL, strerrorname_np(errno));
    }
    return 0;
}
