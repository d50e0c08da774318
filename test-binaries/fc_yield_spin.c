/* fc_yield_spin: two threads hand a token back and forth 2000 times, each spinning on
 * sched_yield until it is its turn (no futex, no blocking call).
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

static atomic_int turn;
static long handoffs[2];

static void *player(void *arg) {
    int me = (int)(long)arg;
    for (int i = 0; i < 1000; i++) {
        while (atomic_load(&turn) != me) sched_yield();
        handoffs[me]++;
        atomic_store(&turn, 1 - me);
    }
    return NULL;
}

int main(void) {
    pthread_t a, b;
    CHECK(pthread_create(&a, NULL, player, (void *)0L) == 0, "create");
    CHECK(pthread_create(&b, NULL, player, (void *)1L) == 0, "create");
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("handoffs %ld %ld\n", handoffs[0], handoffs[1]);
    return 0;
}
