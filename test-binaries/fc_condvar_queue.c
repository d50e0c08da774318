/* fc_condvar_queue: a bounded queue of 4 slots between two producers and two consumers with a
 * mutex and two condition variables; 400 items, the consumed sum does not depend on the schedule.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

static int q[4], head, tail, count, produced;
static long consumed_sum;
static int consumed;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER, not_empty = PTHREAD_COND_INITIALIZER;

static void *producer(void *arg) {
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&m);
        while (count == 4 && produced < 400) pthread_cond_wait(&not_full, &m);
        if (produced == 400) { pthread_mutex_unlock(&m); return NULL; }
        q[tail] = ++produced; tail = (tail + 1) % 4; count++;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&m);
    }
}

static void *consumer(void *arg) {
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&m);
        while (count == 0 && consumed < 400) pthread_cond_wait(&not_empty, &m);
        if (consumed == 400) { pthread_cond_broadcast(&not_empty); pthread_mutex_unlock(&m); return NULL; }
        consumed_sum += q[head]; head = (head + 1) % 4; count--; consumed++;
        if (consumed == 400) pthread_cond_broadcast(&not_empty);
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&m);
    }
}

int main(void) {
    pthread_t t[4];
    pthread_create(&t[0], NULL, producer, NULL);
    pthread_create(&t[1], NULL, producer, NULL);
    pthread_create(&t[2], NULL, consumer, NULL);
    pthread_create(&t[3], NULL, consumer, NULL);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    printf("consumed %d, sum %ld\n", consumed, consumed_sum);
    return 0;
}
