/* fc_thread_tls: thread-local variables (__thread and pthread keys with destructors) in four
 * threads; each prints its own values, the destructor runs once per thread.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

static __thread int mine = 5;
static pthread_key_t key;
static int destroyed;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void destroy(void *v) {
    pthread_mutex_lock(&m);
    destroyed += (int)(long)v;
    pthread_mutex_unlock(&m);
}

static void *worker(void *arg) {
    long id = (long)arg;
    mine += (int)id;
    pthread_setspecific(key, (void *)(id + 1));
    return (void *)(long)(mine * 100 + (long)pthread_getspecific(key));
}

int main(void) {
    pthread_key_create(&key, destroy);
    pthread_t t[4];
    for (long i = 0; i < 4; i++) CHECK(pthread_create(&t[i], NULL, worker, (void *)i) == 0, "create");
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        printf("thread %d: %ld\n", i, (long)r);
    }
    printf("main's own %d, destructor sum %d\n", mine, destroyed);
    return 0;
}
