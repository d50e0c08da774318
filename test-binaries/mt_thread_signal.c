/* mt_thread_signal: a signal aimed at one thread: main blocks SIGUSR1 in itself, starts a worker
 * that waits in sigwaitinfo, and sends SIGUSR1 with pthread_kill (tgkill) to it, then SIGUSR2
 * handled by a handler in the worker only (pthread_sigmask). Prints which thread received what,
 * thread-local values and pthread_join return values.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>

static __thread int tls_value = 10;
static volatile pid_t handler_tid;
static volatile pid_t worker_tid;
static volatile sig_atomic_t usr2_seen;

static void on_usr2(int sig) {
    (void)sig;
    handler_tid = (pid_t)syscall(SYS_gettid);
    usr2_seen = 1;
}

static void *worker(void *arg) {
    (void)arg;
    tls_value = 20;
    worker_tid = (pid_t)syscall(SYS_gettid);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    siginfo_t si;
    int sig = sigwaitinfo(&set, &si);
    printf("worker sigwaitinfo: %s code=%d (SI_TKILL=%d)\n", sigabbrev_np(sig), si.si_code, SI_TKILL);
    sigset_t usr2;
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    pthread_sigmask(SIG_UNBLOCK, &usr2, NULL);
    while (!usr2_seen)
        usleep(1000);
    printf("worker tls_value=%d\n", tls_value);
    return (void *)(intptr_t)(tls_value + 1);
}

int main(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    CHECK(pthread_sigmask(SIG_BLOCK, &set, NULL) == 0, "pthread_sigmask");
    struct sigaction sa = {.sa_handler = on_usr2};
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(SIGUSR2, &sa, NULL) == 0, "sigaction");
    pthread_t t;
    CHECK(pthread_create(&t, NULL, worker, NULL) == 0, "pthread_create");
    CHECK(pthread_kill(t, SIGUSR1) == 0, "pthread_kill USR1");
    CHECK(pthread_kill(t, SIGUSR2) == 0, "pthread_kill USR2");
    void *ret;
    pthread_join(t, &ret);
    printf("SIGUSR2 handled on the worker thread: %s\n", handler_tid == worker_tid ? "yes" : "no");
    printf("main tls_value=%d, worker returned %d\n", tls_value, (int)(intptr_t)ret);
    return 0;
}
