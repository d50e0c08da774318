/* mt_race_small: two threads increment an unsynchronised counter ITER times each (argv[1],
 * default 20000): a load and a store, so an update is lost whenever the other thread runs between
 * them. Natively on 2 cores updates are often lost; under a recorder that runs one thread at a time
 * only a preemption between the load and the store loses one (chaos mode makes that likely).
 * Prints "counter=N expected=M lost=L"; exits 1 when updates were lost, 0 otherwise.
 * NONDETERMINISTIC: yes */
#include "rr_util.h"
#include <pthread.h>
#include <stdlib.h>

static volatile long counter;
static long iterations = 20000;

static void *bump(void *arg) {
    (void)arg;
    for (long i = 0; i < iterations; i++) {
        long seen = counter; /* RACE: another thread may store between this load... */
        counter = seen + 1;  /* ...and this store: its update is lost */
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc > 1) iterations = atol(argv[1]);
    pthread_t a, b;
    CHECK(pthread_create(&a, NULL, bump, NULL) == 0, "pthread_create");
    CHECK(pthread_create(&b, NULL, bump, NULL) == 0, "pthread_create");
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    long lost = 2 * iterations - counter;
    printf("counter=%ld expected=%ld lost=%ld\n", counter, 2 * iterations, lost);
    return lost ? 1 : 0;
}
