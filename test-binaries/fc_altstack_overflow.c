/* fc_altstack_overflow: unbounded recursion overflows the stack; the SIGSEGV handler runs on an
 * alternate signal stack, reports, and leaves with siglongjmp.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <setjmp.h>
#include <signal.h>

static sigjmp_buf back;
static volatile int depth;

static void on_segv(int sig, siginfo_t *si, void *ctx) {
    (void)ctx;
    char on_alt;
    stack_t cur;
    sigaltstack(NULL, &cur);
    const char *msg = (cur.ss_flags & SS_ONSTACK) ? "handler on the alternate stack\n" : "handler NOT on the alternate stack\n";
    write(1, msg, strlen(msg));
    (void)on_alt; (void)si; (void)sig;
    siglongjmp(back, 1);
}

static int recurse(int n) {
    volatile char pad[512];
    pad[0] = (char)n;
    depth = n;
    return recurse(n + 1) + pad[0];
}

int main(void) {
    static char alt[64 * 1024];
    stack_t ss = {.ss_sp = alt, .ss_size = sizeof alt};
    CHECK(sigaltstack(&ss, NULL) == 0, "sigaltstack");
    struct sigaction sa = {.sa_sigaction = on_segv, .sa_flags = SA_SIGINFO | SA_ONSTACK};
    sigaction(SIGSEGV, &sa, NULL);
    if (sigsetjmp(back, 1) == 0) {
        recurse(0);
    }
    printf("recovered after a deep recursion: %d\n", depth > 1000);
    return 0;
}
