/* fc_ualarm_pause: pause until a ualarm's SIGALRM three times; pause returns -1 EINTR each time.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>

static volatile int alarms;
static void on_alarm(int sig) { (void)sig; alarms++; }

int main(void) {
    struct sigaction sa = {0};
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    for (int i = 0; i < 3; i++) {
        ualarm(3000, 0);
        int r = pause();
        printf("pause %d: %d %s, alarms %d\n", i, r, strerrorname_np(errno), alarms);
    }
    return 0;
}
