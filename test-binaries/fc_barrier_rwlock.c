/* fc_barrier_rwlock: four threads meet at a pthread barrier three times and update a table under
 * a read-write lock; the totals do not depend on the schedule.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

static pthread_barrier_t barrier;
static pthread_rwlock_t lock = PTHREAD_RWLOCK_INITIALIZER;
static long table[4];
static long reads;

static void *worker(void *arg) {
    long id = (long)arg;
    for (int round = 0; round < 3; round++) {
        pthread_rwlock_wrlock(&lock);
        table[id] += round + 1;
        pthread_rwlock_unlock(&lock);
        pthread_barrier_wait(&barrier);
        pthread_rwlock_rdlock(&lock);
        long s = 0;
        for (int i = 0; i < 4; i++) s += table[i];
        __atomic_add_fetch(&reads, s, __ATOMIC_SEQ_CST);
        pthread_rwlock_unlock(&lock);
        pthread_barrier_wait(&barrier);
    }
    return NULL;
}

int main(void) {
    pthread_barrier_init(&barrier, NULL, 4);
    pthread_t t[4];
    for (long i = 0; i < 4; i++) CHECK(pthread_create(&t[i], NULL, worker, (void *)i) == 0, "create");
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    printf("table %ld %ld %ld %ld, reads %ld\n", table[0], table[1], table[2], table[3], reads);
    return 0;
}
