/* fc_kill_by_signal: children ended by SIGKILL, SIGTERM (default action) and SIGSEGV; the parent
 * reports each termination signal.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/wait.h>

static void report(pid_t pid) {
    int st;
    waitpid(pid, &st, 0);
    printf("child ended by %s\n", WIFSIGNALED(st) ? sigabbrev_np(WTERMSIG(st)) : "exit");
}

int main(void) {
    int sigs[2] = {SIGKILL, SIGTERM};
    for (int i = 0; i < 2; i++) {
        pid_t pid = fork();
        if (pid == 0) { pause(); _exit(0); }
        struct timespec ts = {0, 5 * 1000 * 1000};
        nanosleep(&ts, NULL);
        kill(pid, sigs[i]);
        report(pid);
    }
    pid_t pid = fork();
    if (pid == 0) { *(volatile int *)16 = 1; _exit(0); }
    report(pid);
    return 0;
}
