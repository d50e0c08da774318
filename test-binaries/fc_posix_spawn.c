/* fc_posix_spawn: posix_spawn of /bin/echo with a file action that redirects nothing, and of a
 * program that does not exist (the error comes back from posix_spawn).
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

int main(void) {
    pid_t p;
    char *argv[] = {"echo", "spawned echo says hi", NULL};
    fflush(stdout);
    int r = posix_spawn(&p, "/bin/echo", NULL, NULL, argv, environ);
    CHECK(r == 0, "posix_spawn");
    int st;
    CHECK(waitpid(p, &st, 0) == p, "waitpid");
    printf("echo exited %d\n", WEXITSTATUS(st));
    char *bad[] = {"nope", NULL};
    r = posix_spawn(&p, "/nonexistent/program", NULL, NULL, bad, environ);
    if (r == 0) {
        CHECK(waitpid(p, &st, 0) == p, "waitpid");
        printf("missing program: child exited %d\n", WEXITSTATUS(st));
    } else {
        printf("missing program: %s\n", strerrorname_np(r));
    }
    return 0;
}
