/* Post-mortem fixture: three workers; worker 2 writes through a null pointer while the others and
 * main wait. A core file of it (ulimit -c unlimited) shows four threads, the crash in
 * store_result of thread "worker 2", and these values (checked against gdb by CoreDebugTest):
 *   crash frame: store_result(slot=0x0, value=4242), in run_worker(arg=...), local job.id == 2,
 *   job.label == "worker 2", global crashes_before == 7, global table[3] == 30. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct job {
    int id;
    char label[16];
    double weight;
};

int crashes_before = 7;
int table[5] = {0, 10, 20, 30, 40};
static pthread_barrier_t started;
static pthread_mutex_t never = PTHREAD_MUTEX_INITIALIZER;

static void store_result(int *slot, int value) {
    *slot = value;                                   /* CRASH: slot is NULL for worker 2 */
}

static void wait_forever(void) {
    pthread_mutex_lock(&never);                      /* main holds it: blocks for good */
}

static void *run_worker(void *arg) {
    struct job job;
    job.id = (int)(long)arg;
    snprintf(job.label, sizeof job.label, "worker %d", job.id);
    job.weight = job.id * 1.5;
    pthread_setname_np(pthread_self(), job.label);
    int result = 0;
    pthread_barrier_wait(&started);
    if (job.id == 2) {
        usleep(100 * 1000);                          /* let the others block first */
        store_result(job.id == 2 ? NULL : &result, 4242);
    }
    wait_forever();
    return NULL;
}

int main(void) {
    pthread_t workers[3];
    pthread_mutex_lock(&never);
    pthread_barrier_init(&started, NULL, 4);
    for (long i = 0; i < 3; i++) pthread_create(&workers[i], NULL, run_worker, (void *)(i + 1));
    pthread_barrier_wait(&started);
    for (int i = 0; i < 3; i++) pthread_join(workers[i], NULL);
    return 0;
}
