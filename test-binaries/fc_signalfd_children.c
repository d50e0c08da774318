/* fc_signalfd_children: SIGCHLD read through a signalfd while three children exit; each read's
 * siginfo names an exited child; all are reaped.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/signalfd.h>
#include <sys/wait.h>

int main(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGCHLD);
    sigprocmask(SIG_BLOCK, &set, NULL);
    int sfd = signalfd(-1, &set, 0);
    CHECK(sfd >= 0, "signalfd");
    for (int i = 0; i < 3; i++) if (fork() == 0) _exit(20 + i);
    int reaped = 0, sum = 0;
    while (reaped < 3) {
        struct signalfd_siginfo si;
        CHECK(read(sfd, &si, sizeof si) == sizeof si, "read");
        int st;
        pid_t pid;
        while ((pid = waitpid(-1, &st, WNOHANG)) > 0) {
            reaped++;
            sum += WEXITSTATUS(st);
        }
    }
    printf("reaped %d, status sum %d\n", reaped, sum);
    return 0;
}
