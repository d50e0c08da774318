/* fc_shared_anon_fork: MAP_SHARED|MAP_ANONYMOUS memory shared with forked children: each child
 * adds to a counter under a process-shared mutex and writes its slot; the parent reads what they
 * wrote after waiting. A MAP_PRIVATE page written by a child stays unchanged in the parent.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>
#include <sys/mman.h>
#include <sys/wait.h>

struct shared {
    pthread_mutex_t lock;
    long counter;
    int slots[4];
};

int main(void) {
    struct shared *sh = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int *priv = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(sh != MAP_FAILED && priv != MAP_FAILED, "mmap");
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    pthread_mutex_init(&sh->lock, &a);
    *priv = 1;
    for (int i = 0; i < 4; i++) {
        pid_t p = fork();
        CHECK(p >= 0, "fork");
        if (p == 0) {
            for (int k = 0; k < 1000; k++) {
                pthread_mutex_lock(&sh->lock);
                sh->counter++;
                pthread_mutex_unlock(&sh->lock);
            }
            sh->slots[i] = (i + 1) * 100;
            *priv = 99;
            _exit(0);
        }
    }
    while (wait(NULL) > 0) {}
    printf("counter %ld, slots %d %d %d %d, private page %d\n", sh->counter, sh->slots[0], sh->slots[1], sh->slots[2],
           sh->slots[3], *priv);
    return 0;
}
