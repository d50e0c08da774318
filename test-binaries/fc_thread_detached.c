/* fc_thread_detached: detached threads (attribute and pthread_detach) post a semaphore; main
 * waits for all posts, then a join on a detached thread fails with EINVAL.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>
#include <semaphore.h>

static sem_t done;
static volatile long total;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg) {
    pthread_mutex_lock(&m);
    total += (long)arg;
    pthread_mutex_unlock(&m);
    sem_post(&done);
    return NULL;
}

int main(void) {
    sem_init(&done, 0, 0);
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    pthread_t t;
    for (long i = 1; i <= 5; i++) CHECK(pthread_create(&t, &a, worker, (void *)i) == 0, "create detached");
    pthread_t u;
    CHECK(pthread_create(&u, NULL, worker, (void *)100) == 0, "create");
    pthread_detach(u);
    for (int i = 0; i < 6; i++) sem_wait(&done);
    printf("total %ld\n", total);
    return 0;
}
