/* fc_thread_join_values: eight threads each compute a sum and return it through pthread_exit's
 * value; main joins them in reverse order.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

static void *worker(void *arg) {
    long n = (long)arg, s = 0;
    for (long i = 1; i <= n * 1000; i++) s += i % 7;
    pthread_exit((void *)s);
}

int main(void) {
    pthread_t t[8];
    for (long i = 0; i < 8; i++) CHECK(pthread_create(&t[i], NULL, worker, (void *)(i + 1)) == 0, "pthread_create");
    for (int i = 7; i >= 0; i--) {
        void *v;
        pthread_join(t[i], &v);
        printf("thread %d returned %ld\n", i, (long)v);
    }
    return 0;
}
