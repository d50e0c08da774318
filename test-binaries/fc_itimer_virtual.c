/* fc_itimer_virtual: ITIMER_VIRTUAL and ITIMER_PROF fire during a CPU loop without syscalls; the
 * handler counts and the loop stops after three of each.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/time.h>

static volatile sig_atomic_t vt, prof;
static void on_sig(int sig) { if (sig == SIGVTALRM) vt++; else prof++; }

int main(void) {
    signal(SIGVTALRM, on_sig);
    signal(SIGPROF, on_sig);
    struct itimerval it = {{0, 10000}, {0, 10000}};
    setitimer(ITIMER_VIRTUAL, &it, NULL);
    setitimer(ITIMER_PROF, &it, NULL);
    volatile unsigned long spin = 0;
    while (vt < 3 || prof < 3) spin++;
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_VIRTUAL, &off, NULL);
    setitimer(ITIMER_PROF, &off, NULL);
    printf("virtual >= 3: %d, prof >= 3: %d\n", vt >= 3, prof >= 3);
    return 0;
}
