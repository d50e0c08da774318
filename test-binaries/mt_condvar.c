/* mt_condvar: producer/consumer over a bounded queue (4 slots) with a mutex and two condition
 * variables: one producer, two consumers, 200 items. Which consumer takes which item varies, so
 * only order-independent facts are printed: each consumer saw increasing items, the totals.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

#define SLOTS 4
#define ITEMS 200
#define CONSUMERS 2

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER, not_full = PTHREAD_COND_INITIALIZER;
static int queue[SLOTS], head, count, done;
static long sum[CONSUMERS];
static int taken[CONSUMERS], in_order[CONSUMERS];

static void *producer(void *arg) {
    (void)arg;
    for (int i = 1; i <= ITEMS; i++) {
        pthread_mutex_lock(&m);
        while (count == SLOTS)
            pthread_cond_wait(&not_full, &m);
        queue[(head + count) % SLOTS] = i;
        count++;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&m);
    }
    pthread_mutex_lock(&m);
    done = 1;
    pthread_cond_broadcast(&not_empty);
    pthread_mutex_unlock(&m);
    return NULL;
}

static void *consumer(void *arg) {
    int id = (int)(intptr_t)arg, last = 0;
    in_order[id] = 1;
    for (;;) {
        pthread_mutex_lock(&m);
        while (count == 0 && !done)
            pthread_cond_wait(&not_empty, &m);
        if (count == 0 && done) {
            pthread_mutex_unlock(&m);
            return NULL;
        }
        int item = queue[head];
        head = (head + 1) % SLOTS;
        count--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&m);
        if (item <= last) in_order[id] = 0;
        last = item;
        sum[id] += item;
        taken[id]++;
    }
}

int main(void) {
    pthread_t p, c[CONSUMERS];
    for (int i = 0; i < CONSUMERS; i++)
        CHECK(pthread_create(&c[i], NULL, consumer, (void *)(intptr_t)i) == 0, "pthread_create");
    CHECK(pthread_create(&p, NULL, producer, NULL) == 0, "pthread_create");
    pthread_join(p, NULL);
    long total = 0;
    int items = 0, ordered = 1;
    for (int i = 0; i < CONSUMERS; i++) {
        pthread_join(c[i], NULL);
        total += sum[i];
        items += taken[i];
        ordered &= in_order[i];
    }
    printf("items consumed: %d sum: %ld (expected %d)\n", items, total, ITEMS * (ITEMS + 1) / 2);
    printf("each consumer saw increasing items: %s\n", ordered ? "yes" : "no");
    return 0;
}
