/* mt_deadlock: two threads take two mutexes in opposite order and deadlock: "left" holds m1 and
 * waits for m2, "right" holds m2 and waits for m1 (a barrier makes sure both hold their first lock
 * before either asks for the second). main waits for them forever. Stop it with SIGINT.
 * Expected: prints "left has m1" and "right has m2" (in either order), then hangs.
 * NONDETERMINISTIC: the order of the two lines */
#include "rr_util.h"
#include <pthread.h>
#include <signal.h>

pthread_mutex_t m1 = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t m2 = PTHREAD_MUTEX_INITIALIZER;
static pthread_barrier_t both_hold_one;

static void take_second(pthread_mutex_t *m) {
    pthread_mutex_lock(m); /* DEADLOCK: the other thread holds it and waits for ours */
}

static void *left(void *arg) {
    (void)arg;
    pthread_mutex_lock(&m1);
    printf("left has m1\n");
    fflush(stdout);
    pthread_barrier_wait(&both_hold_one);
    take_second(&m2);
    return NULL;
}

static void *right(void *arg) {
    (void)arg;
    pthread_mutex_lock(&m2);
    printf("right has m2\n");
    fflush(stdout);
    pthread_barrier_wait(&both_hold_one);
    take_second(&m1);
    return NULL;
}

int main(void) {
    pthread_t a, b;
    /* a shell's background job starts with SIGINT ignored; the test stops us with SIGINT anyway */
    signal(SIGINT, SIG_DFL);
    pthread_barrier_init(&both_hold_one, NULL, 2);
    CHECK(pthread_create(&a, NULL, left, NULL) == 0, "pthread_create");
    CHECK(pthread_create(&b, NULL, right, NULL) == 0, "pthread_create");
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("not reached\n");
    return 0;
}
