/* fc_waitid_many: five children exit with different statuses; waitid(P_ALL, WEXITED) collects
 * them and the sum of statuses is printed (independent of the order they end in).
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/wait.h>

int main(void) {
    for (int i = 1; i <= 5; i++) {
        pid_t pid = fork();
        CHECK(pid >= 0, "fork");
        if (pid == 0) _exit(i * 3);
    }
    int sum = 0, count = 0;
    siginfo_t si;
    while (waitid(P_ALL, 0, &si, WEXITED) == 0) {
        sum += si.si_status;
        count += si.si_code == CLD_EXITED;
    }
    printf("children %d, status sum %d, then %s\n", count, sum, strerrorname_np(errno));
    return 0;
}
