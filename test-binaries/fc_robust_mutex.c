/* fc_robust_mutex: a thread dies holding a robust mutex; the next locker gets EOWNERDEAD, marks it
 * consistent, and it works again.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

static pthread_mutex_t m;

static void *holder(void *arg) {
    (void)arg;
    pthread_mutex_lock(&m);
    return NULL; /* exits holding the lock */
}

int main(void) {
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(&m, &a);
    pthread_t t;
    pthread_create(&t, NULL, holder, NULL);
    pthread_join(t, NULL);
    int r = pthread_mutex_lock(&m);
    printf("lock after owner died: %s\n", strerrorname_np(r));
    if (r == EOWNERDEAD) printf("consistent: %d\n", pthread_mutex_consistent(&m));
    printf("unlock: %d\n", pthread_mutex_unlock(&m));
    printf("lock again: %d\n", pthread_mutex_lock(&m));
    pthread_mutex_unlock(&m);
    return 0;
}
