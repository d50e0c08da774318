/* fc_cond_broadcast: six threads wait on a condition variable for a generation number; main
 * broadcasts three generations and each thread counts the ones it saw.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER, back = PTHREAD_COND_INITIALIZER;
static int generation, acked;

static void *worker(void *arg) {
    (void)arg;
    int seen = 0;
    pthread_mutex_lock(&m);
    for (int g = 1; g <= 3; g++) {
        while (generation < g) pthread_cond_wait(&c, &m);
        seen++;
        acked++;
        pthread_cond_signal(&back);
    }
    pthread_mutex_unlock(&m);
    return (void *)(long)seen;
}

int main(void) {
    pthread_t t[6];
    for (int i = 0; i < 6; i++) pthread_create(&t[i], NULL, worker, NULL);
    for (int g = 1; g <= 3; g++) {
        pthread_mutex_lock(&m);
        generation = g;
        pthread_cond_broadcast(&c);
        while (acked < 6 * g) pthread_cond_wait(&back, &m);
        pthread_mutex_unlock(&m);
        printf("generation %d acknowledged by all\n", g);
    }
    long total = 0;
    for (int i = 0; i < 6; i++) {
        void *v;
        pthread_join(t[i], &v);
        total += (long)v;
    }
    printf("generations seen in total: %ld\n", total);
    return 0;
}
