/* fc_process_groups: a child in its own process group (setpgid) with a grandchild; kill of the
 * negative group id stops both; getpgid/getsid answers compared, not printed raw.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/wait.h>

int main(void) {
    int p[2];
    CHECK(pipe(p) == 0, "pipe");
    pid_t child = fork();
    if (child == 0) {
        setpgid(0, 0);
        pid_t g = fork();
        if (g == 0) {
            write(p[1], "g", 1);
            pause();
            _exit(0);
        }
        write(p[1], "c", 1);
        int st;
        waitpid(g, &st, 0);
        _exit(WIFSIGNALED(st) ? 10 + WTERMSIG(st) : 1);
    }
    char c[2];
    CHECK(read(p[0], c, 1) == 1 && read(p[0], c + 1, 1) == 1, "ready");
    setpgid(child, child);
    printf("child leads its group %d, same session %d\n", getpgid(child) == child, getsid(child) == getsid(0));
    kill(-child, SIGTERM);
    int st;
    waitpid(child, &st, 0);
    printf("child %s %d\n", WIFSIGNALED(st) ? "killed by" : "exited", WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
    return 0;
}
