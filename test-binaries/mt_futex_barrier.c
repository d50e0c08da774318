/* mt_futex_barrier: a reusable barrier built from raw syscall(SYS_futex, FUTEX_WAIT/FUTEX_WAKE)
 * on a generation counter; 3 threads run 6 rounds, each adding (round+1)*(id+1) into the round's
 * slot before the barrier; after the barrier every thread checks the slot is complete.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/syscall.h>

#define THREADS 3
#define ROUNDS 6

static atomic_int arrived;
static atomic_int generation;
static atomic_long slot[ROUNDS];
static atomic_int bad;

static long futex(atomic_int *addr, int op, int val) {
    return syscall(SYS_futex, addr, op, val, NULL, NULL, 0);
}

static void barrier_wait(void) {
    int gen = atomic_load(&generation);
    if (atomic_fetch_add(&arrived, 1) == THREADS - 1) {
        atomic_store(&arrived, 0);
        atomic_fetch_add(&generation, 1);
        futex(&generation, FUTEX_WAKE_PRIVATE, THREADS);
    } else {
        while (atomic_load(&generation) == gen)
            futex(&generation, FUTEX_WAIT_PRIVATE, gen);
    }
}

static void *worker(void *arg) {
    int id = (int)(intptr_t)arg;
    for (int r = 0; r < ROUNDS; r++) {
        atomic_fetch_add(&slot[r], (long)(r + 1) * (id + 1));
        barrier_wait();
        if (atomic_load(&slot[r]) != (long)(r + 1) * 6)
            atomic_fetch_add(&bad, 1);
    }
    return NULL;
}

int main(void) {
    pthread_t th[THREADS];
    for (int i = 0; i < THREADS; i++)
        CHECK(pthread_create(&th[i], NULL, worker, (void *)(intptr_t)i) == 0, "pthread_create");
    for (int i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    for (int r = 0; r < ROUNDS; r++)
        printf("round %d slot %ld\n", r, atomic_load(&slot[r]));
    printf("generation %d, early readers %d\n", atomic_load(&generation), atomic_load(&bad));
    return atomic_load(&bad) ? 1 : 0;
}
