/* fc_abort_handler: a SIGABRT handler that returns: abort() still ends the program with SIGABRT
 * (exit status 134 from the shell's point of view), after the handler printed.
 * NONDETERMINISTIC: no
 * expected exit status: 134 */
#include "rr_util.h"
#include <signal.h>

static void on_abrt(int sig) { (void)sig; write(1, "handler ran\n", 12); }

int main(void) {
    signal(SIGABRT, on_abrt);
    printf("about to abort\n");
    fflush(stdout);
    abort();
}
