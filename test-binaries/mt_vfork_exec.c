/* mt_vfork_exec: vfork (parent suspended until the child execs or exits, sharing memory):
 * child 1 execs /bin/echo, child 2 stores into a shared variable and _exits 5, child 3 execs a
 * missing program and _exits 127. Also posix_spawn of /bin/echo (glibc uses clone(CLONE_VM|
 * CLONE_VFORK)). Prints the statuses and the value seen through the shared memory.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

static int reap(pid_t pid) {
    int status;
    CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(void) {
    fflush(stdout);
    pid_t c = vfork();
    CHECK(c >= 0, "vfork");
    if (c == 0) {
        execl("/bin/echo", "echo", "echo after vfork", (char *)NULL);
        _exit(127);
    }
    printf("vfork+exec child status %d\n", reap(c));

    volatile int shared = 0;
    c = vfork();
    CHECK(c >= 0, "vfork 2");
    if (c == 0) {
        shared = 77;
        _exit(5);
    }
    printf("vfork child status %d, shared variable %d\n", reap(c), shared);

    c = vfork();
    CHECK(c >= 0, "vfork 3");
    if (c == 0) {
        execl("/no/such/binary", "x", (char *)NULL);
        _exit(127);
    }
    printf("vfork exec-missing child status %d\n", reap(c));

    fflush(stdout);
    char *args[] = {"echo", "echo via posix_spawn", NULL};
    pid_t s;
    CHECK(posix_spawn(&s, "/bin/echo", NULL, NULL, args, environ) == 0, "posix_spawn");
    printf("posix_spawn child status %d\n", reap(s));
    return 0;
}
