/* mt_dense_stretch: 2 threads each call store() N times (default 3,000,000) with values unique to
 * the call (i * 2 + thread), without a syscall in the loop: a breakpoint on store() or a watch on
 * `last` is hit millions of times inside one syscall-free stretch. Just before its last call each
 * thread calls marker(), so a test can reach every thread's last store() with two traps.
 * Prints the final value of `last`.
 * NONDETERMINISTIC: yes (which thread stores last)
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>
#include <stdlib.h>

static long n = 3000000;
static volatile long last;
static volatile long finished[2];

__attribute__((noinline)) void store(long v) {
    last = v;
}

__attribute__((noinline)) void marker(long id) {
    finished[id] = 1;
}

static void *worker(void *arg) {
    long id = (long)arg;
    for (long i = 0; i < n; i++) {
        if (i == n - 1)
            marker(id);
        store(i * 2 + id);
    }
    return NULL;
}

int main(int argc, char **argv) {
    if (argc > 1)
        n = atol(argv[1]);
    pthread_t th[2];
    for (long i = 0; i < 2; i++)
        CHECK(pthread_create(&th[i], NULL, worker, (void *)i) == 0, "pthread_create");
    for (int i = 0; i < 2; i++)
        pthread_join(th[i], NULL);
    printf("last=%ld\n", last);
    return 0;
}
