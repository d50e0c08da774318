/* fc_fork_chain: a chain of five processes, each forking the next and waiting for it; every level
 * adds its depth to the status its child returned.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/wait.h>

static int level(int depth) {
    if (depth == 5) return depth;
    pid_t p = fork();
    CHECK(p >= 0, "fork");
    if (p == 0) _exit(level(depth + 1));
    int st;
    CHECK(waitpid(p, &st, 0) == p, "waitpid");
    printf("depth %d: child returned %d\n", depth, WEXITSTATUS(st));
    fflush(stdout);
    return depth + WEXITSTATUS(st);
}

int main(void) {
    printf("total %d\n", level(0));
    return 0;
}
