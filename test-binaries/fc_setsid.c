/* fc_setsid: a child becomes a session leader (setsid), the parent's setsid fails with EPERM as a
 * group leader; getsid/getpgid relations are printed as comparisons (never raw ids).
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/wait.h>

int main(void) {
    CHECK(setpgid(0, 0) == 0, "setpgid");
    errno = 0;
    int r = (int)setsid();
    printf("parent setsid as group leader: %d %s\n", r, strerrorname_np(errno));
    fflush(stdout);
    pid_t p = fork();
    CHECK(p >= 0, "fork");
    if (p == 0) {
        pid_t s = setsid();
        printf("child: setsid == getpid: %d, getsid(0) == getpid: %d, pgid == pid: %d\n",
               s == getpid(), getsid(0) == getpid(), getpgid(0) == getpid());
        fflush(stdout);
        _exit(0);
    }
    int st;
    CHECK(waitpid(p, &st, 0) == p, "waitpid");
    printf("parent: own session unchanged: %d\n", getsid(0) != p);
    return 0;
}
