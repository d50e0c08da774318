/* fc_thread_own_stack: threads with a small stack size and with a stack the program mmapped
 * itself (pthread_attr_setstack); each recurses a little and reports its depth.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>
#include <sys/mman.h>

static int recurse(int n) {
    volatile char pad[256];
    pad[0] = (char)n;
    return n == 0 ? pad[0] : 1 + recurse(n - 1);
}

static void *worker(void *arg) {
    return (void *)(long)recurse((int)(long)arg);
}

int main(void) {
    pthread_attr_t a;
    pthread_t t;
    void *v;
    pthread_attr_init(&a);
    pthread_attr_setstacksize(&a, 64 * 1024);
    pthread_create(&t, &a, worker, (void *)50L);
    pthread_join(t, &v);
    printf("small stack: depth %ld\n", (long)v);
    size_t size = 256 * 1024;
    void *stack = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(stack != MAP_FAILED, "mmap");
    pthread_attr_init(&a);
    pthread_attr_setstack(&a, stack, size);
    pthread_create(&t, &a, worker, (void *)200L);
    pthread_join(t, &v);
    printf("own stack: depth %ld\n", (long)v);
    munmap(stack, size);
    return 0;
}
