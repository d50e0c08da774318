/* fc_sa_resethand: a SA_RESETHAND handler runs once and the disposition goes back to default;
 * SA_NODEFER lets the handler be re-entered by a raise inside it.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>

static int once_calls, depth, max_depth;

static void once(int sig) { (void)sig; once_calls++; }

static void nested(int sig) {
    depth++;
    if (depth > max_depth) max_depth = depth;
    if (depth < 3) raise(sig);
    depth--;
}

int main(void) {
    struct sigaction sa = {0}, now;
    sa.sa_handler = once;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    sigaction(SIGUSR1, NULL, &now);
    printf("once: called %d, handler now default %d\n", once_calls, now.sa_handler == SIG_DFL);
    sa.sa_handler = nested;
    sa.sa_flags = SA_NODEFER;
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    printf("nodefer: max depth %d\n", max_depth);
    return 0;
}
