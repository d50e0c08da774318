/* fc_thread_exit_main: the main thread calls pthread_exit while two workers go on; the last one
 * to finish prints, and the process exits with status 0 when both are done.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int done;

static void *worker(void *arg) {
    long n = (long)arg;
    volatile long s = 0;
    for (long i = 0; i < n; i++) s += i;
    pthread_mutex_lock(&m);
    if (++done == 2) printf("both workers finished after main left\n");
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void) {
    pthread_t a, b;
    pthread_create(&a, NULL, worker, (void *)200000L);
    pthread_create(&b, NULL, worker, (void *)400000L);
    pthread_exit(NULL);
}
