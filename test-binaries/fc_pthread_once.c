/* fc_pthread_once: six threads race to pthread_once; the initializer runs exactly once and every
 * thread sees its result.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int init_runs, value;

static void init(void) {
    init_runs++;
    usleep(2000);
    value = 42;
}

static void *worker(void *arg) {
    (void)arg;
    pthread_once(&once, init);
    return (void *)(long)value;
}

int main(void) {
    pthread_t t[6];
    for (int i = 0; i < 6; i++) pthread_create(&t[i], NULL, worker, NULL);
    long seen = 0;
    for (int i = 0; i < 6; i++) {
        void *v;
        pthread_join(t[i], &v);
        seen += (long)v;
    }
    printf("init ran %d time(s), threads saw %ld in total\n", init_runs, seen);
    return 0;
}
