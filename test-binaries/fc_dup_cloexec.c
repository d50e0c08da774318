/* fc_dup_cloexec: dup, dup2, dup3(O_CLOEXEC), fcntl F_DUPFD_CLOEXEC and F_GETFD/F_SETFD; after an
 * exec of /bin/sh, which descriptors survived is checked by the shell itself.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/wait.h>

int main(void) {
    int fd = open("/dev/null", O_RDONLY);
    CHECK(fd >= 0, "open");
    CHECK(dup2(fd, 20) == 20, "dup2");
    CHECK(dup3(fd, 21, O_CLOEXEC) == 21, "dup3");
    int d = fcntl(fd, F_DUPFD_CLOEXEC, 22);
    printf("F_DUPFD_CLOEXEC got %d, cloexec %d\n", d, fcntl(d, F_GETFD) & FD_CLOEXEC);
    fcntl(20, F_SETFD, 0);
    printf("20 cloexec %d, 21 cloexec %d\n", fcntl(20, F_GETFD) & FD_CLOEXEC, fcntl(21, F_GETFD) & FD_CLOEXEC);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", "for f in 20 21 22; do if [ -e /proc/self/fd/$f ]; then echo \"$f open\"; else echo \"$f closed\"; fi; done", (char *)NULL);
        _exit(127);
    }
    waitpid(pid, NULL, 0);
    return 0;
}
