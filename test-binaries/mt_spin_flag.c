/* mt_spin_flag: a thread busy-waits (no syscalls) on an atomic flag that another thread sets after
 * sleeping 20 ms; prints how many times the spinner polled the flag. A recorder that runs one thread
 * at a time must preempt the spinner (there is no syscall in its loop) for this to finish.
 * NONDETERMINISTIC: yes (the spin count)
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>
#include <stdatomic.h>

static atomic_int flag;

static void *setter(void *arg) {
    (void)arg;
    usleep(20000);
    atomic_store_explicit(&flag, 42, memory_order_release);
    return NULL;
}

int main(void) {
    pthread_t t;
    CHECK(pthread_create(&t, NULL, setter, NULL) == 0, "pthread_create");
    unsigned long spins = 0;
    while (atomic_load_explicit(&flag, memory_order_acquire) == 0)
        spins++;
    pthread_join(t, NULL);
    printf("flag=%d spins=%lu\n", atomic_load(&flag), spins);
    return 0;
}
