/* fc_thread_cancel: a thread blocked in read on a pipe is cancelled; its cleanup handler runs and
 * join reports PTHREAD_CANCELED.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

static int p[2];
static volatile int cleaned;
static void cleanup(void *arg) { (void)arg; cleaned = 1; }

static void *blocked(void *arg) {
    (void)arg;
    char c;
    pthread_cleanup_push(cleanup, NULL);
    read(p[0], &c, 1);
    pthread_cleanup_pop(0);
    return NULL;
}

int main(void) {
    CHECK(pipe(p) == 0, "pipe");
    pthread_t t;
    CHECK(pthread_create(&t, NULL, blocked, NULL) == 0, "create");
    struct timespec ts = {0, 20 * 1000 * 1000};
    nanosleep(&ts, NULL);
    pthread_cancel(t);
    void *r;
    pthread_join(t, &r);
    printf("cancelled %d, cleanup ran %d\n", r == PTHREAD_CANCELED, cleaned);
    return 0;
}
