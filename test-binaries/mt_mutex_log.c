/* mt_mutex_log: 4 threads append entries to one shared log under a pthread mutex; each entry
 * records the writer, its sequence number and the monotonic time in ns relative to start. The
 * interleaving (and always the times) vary from run to run; replay must print the same log.
 * NONDETERMINISTIC: yes (entry times; usually also the order)
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

#define THREADS 4
#define PER_THREAD 12

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char log_lines[THREADS * PER_THREAD][64];
static int log_len;
static int64_t t0;

static void *worker(void *arg) {
    int id = (int)(intptr_t)arg;
    volatile unsigned spin = 0;
    for (int i = 0; i < PER_THREAD; i++) {
        for (unsigned k = 0; k < 20000u * (id + 1); k++)
            spin += k;
        pthread_mutex_lock(&lock);
        snprintf(log_lines[log_len], sizeof log_lines[0], "t%d#%02d +%lldns", id, i,
                 (long long)(rr_now_ns(CLOCK_MONOTONIC) - t0));
        log_len++;
        pthread_mutex_unlock(&lock);
        if (i % 4 == 3)
            usleep(200);
    }
    return NULL;
}

int main(void) {
    t0 = rr_now_ns(CLOCK_MONOTONIC);
    pthread_t th[THREADS];
    for (int i = 0; i < THREADS; i++)
        CHECK(pthread_create(&th[i], NULL, worker, (void *)(intptr_t)i) == 0, "pthread_create");
    for (int i = 0; i < THREADS; i++)
        pthread_join(th[i], NULL);
    printf("log entries: %d\n", log_len);
    for (int i = 0; i < log_len; i++)
        printf("%s\n", log_lines[i]);
    return 0;
}
