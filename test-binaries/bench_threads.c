/* bench_threads [ROUNDS]: the multi-threaded benchmark workload: 4 threads each mix CPU work with a
 * mutex-protected shared total (futex syscalls under contention) and a few writes; prints the total.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long total;
static long rounds = 2000;

static void *worker(void *arg) {
    unsigned long x = (unsigned long)arg * 2654435761u + 1;
    for (long r = 0; r < rounds; r++) {
        for (int k = 0; k < 2000; k++) x = x * 6364136223846793005ul + 1442695040888963407ul;
        pthread_mutex_lock(&lock);
        total += x >> 60;
        pthread_mutex_unlock(&lock);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc > 1) rounds = atol(argv[1]);
    pthread_t t[4];
    for (long i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    printf("rounds=%ld total=%lu\n", rounds, total);
    return 0;
}
