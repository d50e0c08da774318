/* fc_fork_many: 200 children forked one after another without waiting, each exiting with its own
 * status; the parent reaps them all (in any order) and prints the sum of the statuses.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/wait.h>

int main(void) {
    enum { N = 200 };
    for (int i = 0; i < N; i++) {
        pid_t p = fork();
        CHECK(p >= 0, "fork");
        if (p == 0) _exit(i % 100);
    }
    long sum = 0;
    int reaped = 0, st;
    while (wait(&st) > 0) {
        if (WIFEXITED(st)) sum += WEXITSTATUS(st);
        reaped++;
    }
    printf("reaped %d children, statuses sum to %ld (errno %s at the end)\n", reaped, sum, strerrorname_np(errno));
    return 0;
}
