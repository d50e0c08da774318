/* fc_clone_untraced: a child made with clone(CLONE_UNTRACED) must still be recorded (the flag
 * would hide it from the recorder); it writes to a pipe the parent reads.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>

static int fds[2];
static char stack[64 * 1024];

static int child(void *arg) {
    (void)arg;
    const char msg[] = "hello from an untraced clone";
    write(fds[1], msg, sizeof msg);
    return 7;
}

int main(void) {
    CHECK(pipe(fds) == 0, "pipe");
    pid_t pid = clone(child, stack + sizeof stack, CLONE_UNTRACED | SIGCHLD, NULL);
    CHECK(pid > 0, "clone");
    char buf[64] = {0};
    CHECK(read(fds[0], buf, sizeof buf) > 0, "read");
    int status = 0;
    CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
    printf("%s, exit %d\n", buf, WEXITSTATUS(status));
    return 0;
}
