/* fc_thread_sigwait: all threads block SIGUSR1/SIGUSR2; a dedicated thread takes them with
 * sigwait after main sends them to it with pthread_kill, in order.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>
#include <signal.h>

static sigset_t set;

static void *waiter(void *arg) {
    (void)arg;
    for (int i = 0; i < 4; i++) {
        int sig;
        CHECK(sigwait(&set, &sig) == 0, "sigwait");
        printf("waiter got %s\n", sig == SIGUSR1 ? "SIGUSR1" : sig == SIGUSR2 ? "SIGUSR2" : "other");
        fflush(stdout);
    }
    return NULL;
}

int main(void) {
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    pthread_t t;
    pthread_create(&t, NULL, waiter, NULL);
    for (int i = 0; i < 4; i++) {
        pthread_kill(t, i % 2 ? SIGUSR2 : SIGUSR1);
        usleep(5000);
    }
    pthread_join(t, NULL);
    printf("done\n");
    return 0;
}
