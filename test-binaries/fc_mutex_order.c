/* fc_mutex_order: four threads append lines to stdout under a mutex, 50 each; the order they
 * come out in is whatever the recording had, and replay must put every line in the same place.
 * NONDETERMINISTIC: yes (the interleaving of the threads' lines)
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg) {
    long id = (long)arg;
    for (int i = 0; i < 50; i++) {
        pthread_mutex_lock(&lock);
        printf("thread %ld line %d\n", id, i);
        fflush(stdout);
        pthread_mutex_unlock(&lock);
        for (volatile int spin = 0; spin < 20000 * (int)(id + 1); spin++) {}
    }
    return NULL;
}

int main(void) {
    pthread_t t[4];
    for (long i = 0; i < 4; i++) CHECK(pthread_create(&t[i], NULL, worker, (void *)i) == 0, "create");
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    return 0;
}
