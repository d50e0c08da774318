/* fc_sigstop_self: the program stops itself with SIGSTOP; a child it forked first continues it
 * with SIGCONT; the parent's SIGCONT handler runs and it goes on.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/wait.h>

static volatile sig_atomic_t continued;
static void on_cont(int sig) { (void)sig; continued = 1; }

int main(void) {
    signal(SIGCONT, on_cont);
    pid_t parent = getpid();
    pid_t pid = fork();
    CHECK(pid >= 0, "fork");
    if (pid == 0) {
        struct timespec ts = {0, 50 * 1000 * 1000};
        nanosleep(&ts, NULL);
        kill(parent, SIGCONT);
        _exit(0);
    }
    printf("stopping myself\n");
    fflush(stdout);
    raise(SIGSTOP);
    int status;
    CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
    printf("continued, handler ran: %d\n", continued);
    return 0;
}
