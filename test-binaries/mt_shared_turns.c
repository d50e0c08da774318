/* mt_shared_turns: three threads write one shared variable in turn, in a fixed order (a mutex and
 * a condition variable pass the turn): thread "first" sets turn_value = 11, "second" 22, "third" 33.
 * Expected output: "turn_value=33 after 3 writes"; exit status 0.
 * NONDETERMINISTIC: no (the turn order is enforced) */
#include "rr_util.h"
#include <pthread.h>
#include <string.h>

long turn_value;
static int turn; /* whose turn it is: 0, 1, 2 */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;

struct writer { int my_turn; long value; const char *name; };

static void write_shared(long value) {
    turn_value = value; /* WRITE: each thread's one write of the shared variable */
}

static void *writer_thread(void *arg) {
    struct writer *w = arg;
    pthread_setname_np(pthread_self(), w->name);
    pthread_mutex_lock(&lock);
    while (turn != w->my_turn)
        pthread_cond_wait(&changed, &lock);
    write_shared(w->value);
    turn++;
    pthread_cond_broadcast(&changed);
    pthread_mutex_unlock(&lock);
    return NULL;
}

int main(void) {
    static struct writer writers[3] = {{0, 11, "first"}, {1, 22, "second"}, {2, 33, "third"}};
    pthread_t th[3];
    /* started in reverse order, so the turn order is not the creation order */
    for (int i = 2; i >= 0; i--)
        CHECK(pthread_create(&th[i], NULL, writer_thread, &writers[i]) == 0, "pthread_create");
    for (int i = 0; i < 3; i++)
        pthread_join(th[i], NULL);
    printf("turn_value=%ld after 3 writes\n", turn_value);
    return 0;
}
