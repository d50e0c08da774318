/* fc_segv_in_handler: a SIGSEGV handler (SA_NODEFER) that itself faults once; the nested
 * handler recovers with siglongjmp, then the outer one does.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <setjmp.h>
#include <signal.h>

static sigjmp_buf outer, inner;
static volatile int level;

static void on_segv(int sig) {
    (void)sig;
    int me = ++level;
    char msg[40];
    int n = snprintf(msg, sizeof msg, "SIGSEGV at level %d\n", me);
    write(1, msg, n);
    if (me == 1) {
        if (sigsetjmp(inner, 1) == 0) *(volatile int *)8 = 1; /* second fault, inside the handler */
        write(1, "back in the first handler\n", 26);
        siglongjmp(outer, 1);
    }
    siglongjmp(inner, 1);
}

int main(void) {
    struct sigaction sa = {.sa_handler = on_segv, .sa_flags = SA_NODEFER};
    sigaction(SIGSEGV, &sa, NULL);
    if (sigsetjmp(outer, 1) == 0) *(volatile int *)0 = 1;
    printf("recovered, levels %d\n", level);
    return 0;
}
