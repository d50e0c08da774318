/* Threads for jrrtui trace --live: two workers each call square() three times; every thread's
 * calls and returns pair up on their own, whatever the interleaving. Worker 1 traces as
 * t1: > [] square(v=10)
 * t1: >> [] square => 100
 * t1: > [] square(v=11)
 * t1: >> [] square => 121
 * t1: > [] square(v=12)
 * t1: >> [] square => 144
 * and worker 2 as
 * t2: > [] square(v=20)
 * t2: >> [] square => 400
 * t2: > [] square(v=21)
 * t2: >> [] square => 441
 * t2: > [] square(v=22)
 * t2: >> [] square => 484
 * Prints "1690". */
#include <pthread.h>
#include <stdio.h>

__attribute__((noinline)) int square(int v) { return v * v; }

static void *worker(void *arg) {
    long id = (long) arg, sum = 0;
    for (int i = 0; i < 3; i++) sum += square((int) id * 10 + i);
    return (void *) sum;
}

int main(void) {
    pthread_t t[2];
    for (long i = 0; i < 2; i++) pthread_create(&t[i], NULL, worker, (void *) (i + 1));
    long total = 0;
    for (int i = 0; i < 2; i++) {
        void *r;
        pthread_join(t[i], &r);
        total += (long) r;
    }
    printf("%ld\n", total);
    return 0;
}
