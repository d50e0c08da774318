/* fc_vfork_exec_fail: vfork, an execve that fails with ENOENT in the child, _exit(127); then a
 * vfork whose exec succeeds (/bin/true).
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/wait.h>

/* vforks a child that execs path; returns its exit status (127: the exec failed). */
static int vfork_exec(const char *path) {
    int st;
    pid_t p = vfork();
    if (p == 0) {
        char *a[] = {"prog", NULL};
        execv(path, a);
        _exit(127);
    }
    CHECK(p > 0, "vfork");
    CHECK(waitpid(p, &st, 0) == p, "waitpid");
    return WEXITSTATUS(st);
}

int main(void) {
    printf("failed exec: status %d\n", vfork_exec("/no/such/program"));
    printf("true: status %d\n", vfork_exec("/bin/true"));
    return 0;
}
