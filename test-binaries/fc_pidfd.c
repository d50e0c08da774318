/* fc_pidfd: pidfd_open on a child, poll for its exit, pidfd_send_signal to a second child, and
 * waitid(P_PIDFD).
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>

int main(void) {
    pid_t p = fork();
    CHECK(p >= 0, "fork");
    if (p == 0) { usleep(20000); _exit(5); }
    int fd = (int)syscall(SYS_pidfd_open, p, 0);
    CHECK(fd >= 0, "pidfd_open");
    struct pollfd pf = {fd, POLLIN, 0};
    int n = poll(&pf, 1, 5000);
    printf("poll: %d revents POLLIN %d\n", n, (pf.revents & POLLIN) != 0);
    siginfo_t si;
    CHECK(waitid(P_PIDFD, fd, &si, WEXITED) == 0, "waitid");
    printf("child exited with %d (code %s)\n", si.si_status, si.si_code == CLD_EXITED ? "CLD_EXITED" : "other");
    close(fd);
    pid_t q = fork();
    CHECK(q >= 0, "fork");
    if (q == 0) { for (;;) pause(); }
    fd = (int)syscall(SYS_pidfd_open, q, 0);
    CHECK(fd >= 0, "pidfd_open");
    CHECK(syscall(SYS_pidfd_send_signal, fd, SIGUSR1, NULL, 0) == 0, "pidfd_send_signal");
    CHECK(waitid(P_PIDFD, fd, &si, WEXITED) == 0, "waitid");
    printf("second child: code %s signal %d\n", si.si_code == CLD_KILLED ? "CLD_KILLED" : "other", si.si_status);
    return 0;
}
