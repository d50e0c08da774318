/* fc_sigchld_ignored: with SIGCHLD set to SIG_IGN children are reaped by the kernel; wait then
 * fails with ECHILD once they are gone.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/wait.h>

int main(void) {
    signal(SIGCHLD, SIG_IGN);
    for (int i = 0; i < 3; i++) {
        pid_t p = fork();
        CHECK(p >= 0, "fork");
        if (p == 0) _exit(i);
    }
    int st;
    errno = 0;
    pid_t r = wait(&st);
    printf("wait: %d %s\n", (int)r, strerrorname_np(errno));
    return 0;
}
