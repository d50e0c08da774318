/* mt_child_signal: a signal sent from a child process to its parent: the parent installs a
 * SA_SIGINFO handler for SIGUSR1 and waits in sigsuspend; the child sends SIGUSR1 with kill(),
 * then exits with status 4. The parent prints whether si_pid was the child, then the child's
 * exit status and the SIGCHLD it got.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/wait.h>

static volatile sig_atomic_t got_usr1, got_chld;
static volatile pid_t sender;

static void on_usr1(int sig, siginfo_t *si, void *uc) {
    (void)sig; (void)uc;
    sender = si->si_pid;
    got_usr1 = 1;
}

static void on_chld(int sig) {
    (void)sig;
    got_chld++;
}

int main(void) {
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGCHLD);
    CHECK(sigprocmask(SIG_BLOCK, &block, &old) == 0, "sigprocmask");
    struct sigaction sa = {.sa_sigaction = on_usr1, .sa_flags = SA_SIGINFO};
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0, "sigaction USR1");
    struct sigaction sc = {.sa_handler = on_chld};
    sigemptyset(&sc.sa_mask);
    CHECK(sigaction(SIGCHLD, &sc, NULL) == 0, "sigaction CHLD");

    fflush(stdout);
    pid_t child = fork();
    CHECK(child >= 0, "fork");
    if (child == 0) {
        usleep(5000);
        kill(getppid(), SIGUSR1);
        _exit(4);
    }
    while (!got_usr1)
        sigsuspend(&old);
    printf("parent got SIGUSR1 from the child: %s\n", sender == child ? "yes" : "no");
    int status;
    CHECK(waitpid(child, &status, 0) == child, "waitpid");
    printf("child exited: %s status %d\n", WIFEXITED(status) ? "yes" : "no", WEXITSTATUS(status));
    while (!got_chld)
        sigsuspend(&old);
    printf("SIGCHLD handled: %d\n", (int)got_chld);
    return 0;
}
