/* fc_thread_key_dtor: thread-specific data with a destructor that runs at each thread's exit; the
 * destructors add into a total main prints.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

static pthread_key_t key;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static long destroyed, runs;

static void dtor(void *v) {
    pthread_mutex_lock(&m);
    destroyed += *(long *)v;
    runs++;
    pthread_mutex_unlock(&m);
    free(v);
}

static void *worker(void *arg) {
    long *v = malloc(sizeof *v);
    *v = (long)arg * 10;
    pthread_setspecific(key, v);
    return NULL;
}

int main(void) {
    CHECK(pthread_key_create(&key, dtor) == 0, "pthread_key_create");
    pthread_t t[5];
    for (long i = 0; i < 5; i++) pthread_create(&t[i], NULL, worker, (void *)(i + 1));
    for (int i = 0; i < 5; i++) pthread_join(t[i], NULL);
    printf("destructors ran %ld times, sum %ld; main's value %p\n", runs, destroyed, pthread_getspecific(key));
    return 0;
}
