/* fc_wait4_status: children that exit, are killed, and stop/continue; wait4 with WUNTRACED and
 * WCONTINUED reports each state change.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

int main(void) {
    int pfd[2];
    CHECK(pipe(pfd) == 0, "pipe");
    pid_t p = fork();
    CHECK(p >= 0, "fork");
    if (p == 0) {
        char c;
        close(pfd[1]);
        while (read(pfd[0], &c, 1) == 1) {}
        _exit(7);
    }
    close(pfd[0]);
    struct rusage ru;
    int st;
    kill(p, SIGSTOP);
    CHECK(wait4(p, &st, WUNTRACED, &ru) == p, "wait4 stop");
    printf("stopped: %d sig %d\n", WIFSTOPPED(st), WSTOPSIG(st));
    kill(p, SIGCONT);
    CHECK(wait4(p, &st, WCONTINUED, &ru) == p, "wait4 cont");
    printf("continued: %d\n", WIFCONTINUED(st));
    close(pfd[1]);
    CHECK(wait4(p, &st, 0, &ru) == p, "wait4 exit");
    printf("exited: %d status %d\n", WIFEXITED(st), WEXITSTATUS(st));
    pid_t q = fork();
    CHECK(q >= 0, "fork");
    if (q == 0) { pause(); _exit(0); }
    kill(q, SIGTERM);
    CHECK(wait4(q, &st, 0, NULL) == q, "wait4 kill");
    printf("killed: %d sig %d\n", WIFSIGNALED(st), WTERMSIG(st));
    return 0;
}
