/* fc_spin_memory_counter: a thread busy-waits (no syscalls) on a flag another thread sets after
 * sleeping 30 ms, counting in memory only: a total in a page of its own and a phase that cycles
 * 0..999 in another (zero at many passes, when the whole page is zero). The registers at the top
 * of each pass are the same, so only the memory tells passes apart. Prints both counts.
 * NONDETERMINISTIC: yes (the counts)
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>
#include <stdatomic.h>

static atomic_int flag;
static volatile unsigned long total __attribute__((aligned(4096)));
static volatile unsigned long phase __attribute__((aligned(4096)));
static char pad[4096] __attribute__((aligned(4096))) __attribute__((used)); /* keeps phase's page to itself */

static void *setter(void *arg) {
    (void)arg;
    usleep(30000);
    atomic_store_explicit(&flag, 1, memory_order_release);
    return NULL;
}

int main(void) {
    pthread_t t;
    CHECK(pthread_create(&t, NULL, setter, NULL) == 0, "pthread_create");
    while (atomic_load_explicit(&flag, memory_order_acquire) == 0) {
        total = total + 1;
        phase = phase == 999 ? 0 : phase + 1;
    }
    pthread_join(t, NULL);
    printf("total=%lu phase=%lu consistent=%s\n", total, phase, total % 1000 == phase ? "yes" : "no");
    return 0;
}
