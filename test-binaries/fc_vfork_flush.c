/* fc_vfork_flush: vfork, then the child writes and flushes through stdio before _exit (sharing
 * the parent's memory and its stdout buffer), and the parent goes on.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/wait.h>

int main(void) {
    printf("parent before vfork\n");
    fflush(stdout);
    pid_t pid = vfork();
    if (pid == 0) {
        char line[64];
        int n = snprintf(line, sizeof line, "child of vfork writes\n");
        write(1, line, n);
        _exit(5);
    }
    CHECK(pid > 0, "vfork");
    int status;
    CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
    printf("parent after vfork, child exit %d\n", WEXITSTATUS(status));
    return 0;
}
