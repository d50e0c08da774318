/* fc_many_threads: 32 short-lived threads created in waves of 8, each adding to an atomic
 * counter and returning its index; joins check every result.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

static long counter;
static void *work(void *arg) {
    __atomic_add_fetch(&counter, (long)arg, __ATOMIC_SEQ_CST);
    return arg;
}

int main(void) {
    int ok = 0;
    for (int wave = 0; wave < 4; wave++) {
        pthread_t t[8];
        for (long i = 0; i < 8; i++) pthread_create(&t[i], NULL, work, (void *)(wave * 8 + i));
        for (long i = 0; i < 8; i++) {
            void *r;
            pthread_join(t[i], &r);
            ok += (long)r == wave * 8 + i;
        }
    }
    printf("results right %d, counter %ld\n", ok, counter);
    return 0;
}
