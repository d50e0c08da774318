/* fc_spinlock_counter: four threads increment a counter under a pthread spinlock (no syscalls
 * while spinning); the total is exact.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

static pthread_spinlock_t lock;
static long counter;

static void *worker(void *arg) {
    (void)arg;
    for (int i = 0; i < 200000; i++) {
        pthread_spin_lock(&lock);
        counter++;
        pthread_spin_unlock(&lock);
    }
    return NULL;
}

int main(void) {
    pthread_spin_init(&lock, PTHREAD_PROCESS_PRIVATE);
    pthread_t t[4];
    for (int i = 0; i < 4; i++) pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 4; i++) pthread_join(t[i], NULL);
    printf("counter %ld\n", counter);
    return 0;
}
