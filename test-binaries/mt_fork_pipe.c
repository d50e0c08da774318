/* mt_fork_pipe: fork + pipe + wait: child 1 writes lines into a pipe (and one to the shared
 * stdout after the parent has finished reading) and exits 7; child 2 kills itself with SIGKILL;
 * the parent reads child 1's output to EOF, reaps both with waitpid/wait4 and prints statuses.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

int main(void) {
    int p[2], go[2];
    CHECK(pipe(p) == 0 && pipe(go) == 0, "pipe");
    fflush(stdout);
    pid_t c1 = fork();
    CHECK(c1 >= 0, "fork");
    if (c1 == 0) {
        close(p[0]);
        close(go[1]);
        for (int i = 1; i <= 3; i++) {
            char line[64];
            int n = snprintf(line, sizeof line, "child line %d (pid is child: %s)\n", i,
                             getpid() != getppid() ? "yes" : "no");
            CHECK(write(p[1], line, n) == n, "child write");
        }
        close(p[1]);
        char c;
        CHECK(read(go[0], &c, 1) == 0, "wait for parent");
        printf("child 1 writes to stdout after the parent closed go\n");
        exit(7);
    }
    close(p[1]);
    close(go[0]);
    char buf[512];
    size_t total = 0;
    ssize_t n;
    while ((n = read(p[0], buf + total, sizeof buf - 1 - total)) > 0)
        total += n;
    buf[total] = 0;
    printf("parent read %zu bytes:\n%s", total, buf);
    fflush(stdout);
    close(go[1]);

    pid_t c2 = fork();
    CHECK(c2 >= 0, "fork 2");
    if (c2 == 0)
        raise(SIGKILL);
    int status;
    CHECK(waitpid(c1, &status, 0) == c1, "waitpid c1");
    printf("child 1: exited=%d status=%d\n", WIFEXITED(status), WEXITSTATUS(status));
    struct rusage ru;
    CHECK(wait4(c2, &status, 0, &ru) == c2, "wait4 c2");
    printf("child 2: signaled=%d signal=%s\n", WIFSIGNALED(status), sigabbrev_np(WTERMSIG(status)));
    errno = 0;
    pid_t none = wait(&status);
    printf("wait with no children: %d errno=%s\n", (int)none, strerrorname_np(errno));
    return 0;
}
