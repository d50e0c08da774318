/* mt_signalfd: signals consumed as data: SIGUSR1/SIGUSR2/SIGALRM blocked and read from a
 * signalfd: a kill() to self, an sigqueue() with a value, and a SIGALRM from a 10 ms one-shot
 * timer arriving while the process is blocked in read() on the signalfd. Prints ssi_signo,
 * ssi_code, ssi_int and whether ssi_pid is self.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/signalfd.h>
#include <sys/time.h>

static void show(int sfd) {
    struct signalfd_siginfo si;
    CHECK(read(sfd, &si, sizeof si) == sizeof si, "read signalfd");
    const char *code = si.ssi_code == SI_USER ? "SI_USER" : si.ssi_code == SI_QUEUE ? "SI_QUEUE"
                     : si.ssi_code == SI_KERNEL ? "SI_KERNEL" : si.ssi_code == SI_TIMER ? "SI_TIMER" : "other";
    printf("signo=%s code=%s int=%d from self=%s\n", sigabbrev_np(si.ssi_signo), code, si.ssi_int,
           si.ssi_pid == (uint32_t)getpid() ? "yes" : "no");
}

int main(void) {
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    sigaddset(&mask, SIGUSR2);
    sigaddset(&mask, SIGALRM);
    CHECK(sigprocmask(SIG_BLOCK, &mask, NULL) == 0, "sigprocmask");
    int sfd = signalfd(-1, &mask, SFD_CLOEXEC);
    CHECK(sfd >= 0, "signalfd");

    CHECK(kill(getpid(), SIGUSR1) == 0, "kill");
    show(sfd);
    CHECK(sigqueue(getpid(), SIGUSR2, (union sigval){.sival_int = 1234}) == 0, "sigqueue");
    show(sfd);
    sigset_t pending;
    sigpending(&pending);
    printf("pending after reads: USR1=%d USR2=%d\n", sigismember(&pending, SIGUSR1), sigismember(&pending, SIGUSR2));

    struct itimerval it = {.it_value = {0, 10000}};
    CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0, "setitimer");
    show(sfd);
    close(sfd);
    return 0;
}
