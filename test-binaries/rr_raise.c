/* rr_raise: signals a process sends to itself (delivered at the exit of the sending syscall, so
 * they are points a recorder already knows): raise() to a handler, kill(getpid()) while blocked
 * then sigpending and unblock (delivery inside sigprocmask: two handler frames are stacked, so
 * the higher-numbered SIGUSR2 runs first), SA_RESETHAND, SIG_IGN, sigaction old-handler query,
 * and a realtime signal queued three times with sigqueue.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>

static volatile sig_atomic_t hits[NSIG];
static volatile int order[8], norder;

static void handler(int sig) {
    hits[sig]++;
    if (norder < 8) order[norder++] = sig;
}

static void install(int sig, int flags) {
    struct sigaction sa = {.sa_handler = handler, .sa_flags = flags};
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(sig, &sa, NULL) == 0, "sigaction");
}

int main(void) {
    install(SIGUSR1, SA_RESTART);
    install(SIGUSR2, SA_RESETHAND);
    CHECK(raise(SIGUSR1) == 0, "raise");
    printf("after raise: USR1 handled %d times\n", hits[SIGUSR1]);

    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGUSR2);
    CHECK(sigprocmask(SIG_BLOCK, &block, &old) == 0, "block");
    kill(getpid(), SIGUSR2);
    kill(getpid(), SIGUSR1);
    kill(getpid(), SIGUSR1); /* standard signals do not queue: one delivery */
    sigset_t pending;
    sigpending(&pending);
    printf("pending while blocked: USR1=%d USR2=%d, handled so far %d\n", sigismember(&pending, SIGUSR1),
           sigismember(&pending, SIGUSR2), hits[SIGUSR1] + hits[SIGUSR2]);
    CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0, "unblock");
    printf("after unblock: USR1 total %d, USR2 total %d, delivery order:", hits[SIGUSR1], hits[SIGUSR2]);
    for (int i = 0; i < norder; i++)
        printf(" %s", sigabbrev_np(order[i]));
    printf("\n");

    struct sigaction cur;
    CHECK(sigaction(SIGUSR2, NULL, &cur) == 0, "query");
    printf("USR2 handler after SA_RESETHAND: %s\n", cur.sa_handler == SIG_DFL ? "SIG_DFL" : "still set");
    signal(SIGUSR2, SIG_IGN);
    raise(SIGUSR2);
    printf("ignored USR2 survived: yes\n");

    int rt = SIGRTMIN + 1;
    install(rt, 0);
    sigset_t rtset;
    sigemptyset(&rtset);
    sigaddset(&rtset, rt);
    sigprocmask(SIG_BLOCK, &rtset, NULL);
    for (int i = 0; i < 3; i++)
        sigqueue(getpid(), rt, (union sigval){.sival_int = i});
    sigprocmask(SIG_UNBLOCK, &rtset, NULL);
    printf("realtime signal queued 3, handled %d\n", hits[rt]);
    return 0;
}
