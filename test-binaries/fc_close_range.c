/* fc_close_range: close_range closes a block of descriptors, CLOSE_RANGE_CLOEXEC marks another
 * block close-on-exec; dup3 with O_CLOEXEC and dup3 onto itself (EINVAL).
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <linux/close_range.h>
#include <sys/syscall.h>

int main(void) {
    for (int fd = 20; fd < 30; fd++) CHECK(dup2(1, fd) == fd, "dup2");
    printf("close_range 20-24: %ld\n", syscall(SYS_close_range, 20, 24, 0));
    printf("close_range 25-29 cloexec: %ld\n", syscall(SYS_close_range, 25, 29, CLOSE_RANGE_CLOEXEC));
    int open_count = 0, cloexec = 0;
    for (int fd = 20; fd < 30; fd++) {
        int f = fcntl(fd, F_GETFD);
        if (f >= 0) open_count++;
        if (f > 0 && (f & FD_CLOEXEC)) cloexec++;
    }
    printf("open %d, close-on-exec %d\n", open_count, cloexec);
    printf("dup3 cloexec: %d\n", dup3(1, 40, O_CLOEXEC) == 40 && (fcntl(40, F_GETFD) & FD_CLOEXEC));
    errno = 0;
    int r = dup3(40, 40, 0);
    printf("dup3 onto itself: %d %s\n", r, strerrorname_np(errno));
    return 0;
}
