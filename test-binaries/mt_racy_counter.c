/* mt_racy_counter: a data race: 4 threads each increment a shared volatile counter 10,000,000
 * times without a lock (a load, a short delay, a store), after spinning at a start line until all 4 are
 * running (that spin needs preemption under a recorder that runs one thread at a time). On a
 * multi-core machine updates are lost and the
 * total varies; a recorder that runs one thread at a time loses few or none. Prints the total and
 * the number of lost updates; exits 1 when updates were lost (a "failing" run), 0 otherwise.
 * NONDETERMINISTIC: yes (natively on >= 2 cores: the total)
 * expected exit status: 1 natively on >= 2 cores (lost updates), 0 when none were lost
 * (typical under a recorder that serialises threads) */
#include "rr_util.h"
#include <pthread.h>
#include <stdatomic.h>

#define THREADS 4
#define PER_THREAD 10000000

static volatile long counter;
static atomic_int ready;

static void *worker(void *arg) {
    (void)arg;
    /* start together, so that the loops overlap instead of running one after another */
    atomic_fetch_add(&ready, 1);
    while (atomic_load(&ready) < THREADS)
        ;
    for (int i = 0; i < PER_THREAD; i++) {
        long seen = counter;
        for (volatile int k = 0; k < 4; k++)  /* widen the window between load and store */
            ;
        counter = seen + 1;
    }
    return NULL;
}

int main(void) {
    pthread_t th[THREADS];
    for (int i = 0; i < THREADS; i++)
        CHECK(pthread_create(&th[i], NULL, worker, NULL) == 0, "pthread_create");
    for (int i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    long lost = (long)THREADS * PER_THREAD - counter;
    printf("counter=%ld expected=%d lost=%ld\n", counter, THREADS * PER_THREAD, lost);
    return lost ? 1 : 0;
}
