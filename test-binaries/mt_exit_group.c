/* mt_exit_group: process exit while other threads are busy: two threads block forever (one in
 * pause(), one in a futex via pthread_cond_wait) and one spins; main prints, sleeps 5 ms and calls
 * exit(5), which ends every thread (exit_group). The recorder must see all threads die and report
 * status 5.
 * NONDETERMINISTIC: no
 * expected exit status: 5 */
#include "rr_util.h"
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t never = PTHREAD_COND_INITIALIZER;
static volatile int started;

static void *pauser(void *arg) {
    (void)arg;
    __sync_fetch_and_add(&started, 1);
    for (;;)
        pause();
    return NULL;
}
static void *waiter(void *arg) {
    (void)arg;
    pthread_mutex_lock(&m);
    __sync_fetch_and_add(&started, 1);
    for (;;)
        pthread_cond_wait(&never, &m);
    return NULL;
}
static void *spinner(void *arg) {
    (void)arg;
    __sync_fetch_and_add(&started, 1);
    volatile unsigned long n = 0;
    for (;;)
        n++;
    return NULL;
}

int main(void) {
    pthread_t t[3];
    CHECK(pthread_create(&t[0], NULL, pauser, NULL) == 0, "create");
    CHECK(pthread_create(&t[1], NULL, waiter, NULL) == 0, "create");
    CHECK(pthread_create(&t[2], NULL, spinner, NULL) == 0, "create");
    while (started < 3)
        usleep(1000);
    printf("3 threads running, exiting with 5\n");
    usleep(5000);
    exit(5);
}
