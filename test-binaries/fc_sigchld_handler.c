/* fc_sigchld_handler: a SIGCHLD handler (SA_RESTART | SA_NOCLDSTOP) reaps children as they end
 * while the parent sleeps in nanosleep loops; all four are counted.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/wait.h>

static volatile sig_atomic_t reaped;
static void on_chld(int sig) {
    (void)sig;
    int saved = errno;
    while (waitpid(-1, NULL, WNOHANG) > 0) reaped++;
    errno = saved;
}

int main(void) {
    struct sigaction sa = {.sa_handler = on_chld, .sa_flags = SA_RESTART | SA_NOCLDSTOP};
    sigaction(SIGCHLD, &sa, NULL);
    for (int i = 0; i < 4; i++) {
        if (fork() == 0) {
            struct timespec ts = {0, (i + 1) * 5 * 1000 * 1000};
            nanosleep(&ts, NULL);
            _exit(0);
        }
    }
    while (reaped < 4) {
        struct timespec ts = {0, 2 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    printf("reaped %d\n", reaped);
    return 0;
}
