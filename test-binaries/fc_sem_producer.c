/* fc_sem_producer: a bounded buffer with two POSIX semaphores between a producer and a consumer
 * thread; the consumer prints a checksum of what it took.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>
#include <semaphore.h>

enum { SLOTS = 4, ITEMS = 500 };
static int buf[SLOTS];
static sem_t empty, full;

static void *producer(void *arg) {
    (void)arg;
    for (int i = 0; i < ITEMS; i++) {
        sem_wait(&empty);
        buf[i % SLOTS] = i * 3 + 1;
        sem_post(&full);
    }
    return NULL;
}

int main(void) {
    sem_init(&empty, 0, SLOTS);
    sem_init(&full, 0, 0);
    pthread_t p;
    pthread_create(&p, NULL, producer, NULL);
    uint64_t h = RR_FNV_INIT;
    for (int i = 0; i < ITEMS; i++) {
        sem_wait(&full);
        h = rr_fnv(h, &buf[i % SLOTS], sizeof(int));
        sem_post(&empty);
    }
    pthread_join(p, NULL);
    printf("consumed %d items, checksum %016llx\n", ITEMS, (unsigned long long)h);
    return 0;
}
