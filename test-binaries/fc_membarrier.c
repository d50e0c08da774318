/* fc_membarrier: MEMBARRIER_CMD_QUERY, registering for private expedited barriers and issuing
 * one from two threads.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <linux/membarrier.h>
#include <pthread.h>
#include <sys/syscall.h>

static long mb(int cmd) { return syscall(SYS_membarrier, cmd, 0, 0); }

static void *worker(void *arg) {
    (void)arg;
    return (void *)mb(MEMBARRIER_CMD_PRIVATE_EXPEDITED);
}

int main(void) {
    long q = mb(MEMBARRIER_CMD_QUERY);
    printf("query: private expedited supported %d\n", q > 0 && (q & MEMBARRIER_CMD_PRIVATE_EXPEDITED) != 0);
    printf("register: %ld\n", mb(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED));
    pthread_t t;
    void *v;
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, &v);
    printf("barrier from thread: %ld, from main: %ld\n", (long)v, mb(MEMBARRIER_CMD_PRIVATE_EXPEDITED));
    return 0;
}
