/* mt_dense_spawn: a thread calls store() N times (default 2,000,000) without a syscall and ends;
 * only then does the main thread start a second thread, which writes one line and ends too. A
 * checkpoint made inside the first thread's stretch (the main thread waiting in pthread_join) is
 * therefore followed by a thread exit and by a thread created after it. Just before its last call
 * the first thread calls marker(), so a test reaches that call with two traps.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>
#include <stdlib.h>

static long n = 2000000;
static volatile long last;
static volatile long marked;

__attribute__((noinline)) void store(long v) {
    last = v;
}

__attribute__((noinline)) void marker(void) {
    marked = 1;
}

static void *dense(void *arg) {
    (void)arg;
    for (long i = 0; i < n; i++) {
        if (i == n - 1)
            marker();
        store(i * 3 + 1);
    }
    return NULL;
}

static void *late(void *arg) {
    (void)arg;
    char line[64];
    int len = snprintf(line, sizeof line, "late thread sees last=%ld\n", last);
    CHECK(write(1, line, len) == len, "write");
    return NULL;
}

int main(int argc, char **argv) {
    if (argc > 1)
        n = atol(argv[1]);
    pthread_t th;
    CHECK(pthread_create(&th, NULL, dense, NULL) == 0, "pthread_create");
    pthread_join(th, NULL);
    CHECK(pthread_create(&th, NULL, late, NULL) == 0, "pthread_create");
    pthread_join(th, NULL);
    printf("last=%ld\n", last);
    return 0;
}
