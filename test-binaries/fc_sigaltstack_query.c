/* fc_sigaltstack_query: sigaltstack set, queried, disabled; a handler running on it sees
 * SS_ONSTACK, and a change while on it fails with EPERM.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>

static char altstack[64 * 1024];

static void handler(int sig) {
    (void)sig;
    stack_t cur;
    sigaltstack(NULL, &cur);
    stack_t other = {.ss_sp = altstack, .ss_size = sizeof altstack};
    errno = 0;
    int r = sigaltstack(&other, NULL);
    printf("in handler: on stack %d, change: %d %s\n", (cur.ss_flags & SS_ONSTACK) != 0, r, strerrorname_np(errno));
}

int main(void) {
    stack_t st = {.ss_sp = altstack, .ss_size = sizeof altstack, .ss_flags = 0}, old;
    CHECK(sigaltstack(&st, &old) == 0, "sigaltstack");
    printf("old: disabled %d\n", (old.ss_flags & SS_DISABLE) != 0);
    stack_t q;
    sigaltstack(NULL, &q);
    printf("now: size %zu, ours %d\n", q.ss_size, q.ss_sp == altstack);
    struct sigaction sa = {0};
    sa.sa_handler = handler;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    stack_t off = {.ss_flags = SS_DISABLE};
    sigaltstack(&off, NULL);
    sigaltstack(NULL, &q);
    printf("after disable: disabled %d\n", (q.ss_flags & SS_DISABLE) != 0);
    errno = 0;
    stack_t tiny = {.ss_sp = altstack, .ss_size = 16};
    int r = sigaltstack(&tiny, NULL);
    printf("too small: %d %s\n", r, strerrorname_np(errno));
    return 0;
}
