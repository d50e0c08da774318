/* mt_kill_child: signals between processes: the parent forks a child that installs a SIGTERM
 * handler and blocks in pause(), then a second child that blocks in read() with default SIGTERM;
 * the parent (after the children report readiness through a pipe) kills both with SIGTERM. The
 * first exits 9 from its handler, the second dies of the signal. A grandchild is orphaned and
 * reparented (its getppid changes), which the first child reports before pausing.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/wait.h>

static void on_term(int sig) { (void)sig; _exit(9); }

int main(void) {
    int ready[2], never[2];
    CHECK(pipe(ready) == 0 && pipe(never) == 0, "pipe");
    fflush(stdout);
    pid_t c1 = fork();
    CHECK(c1 >= 0, "fork");
    if (c1 == 0) {
        signal(SIGTERM, on_term);
        CHECK(write(ready[1], "1", 1) == 1, "ready");
        for (;;)
            pause();
    }
    pid_t c2 = fork();
    CHECK(c2 >= 0, "fork 2");
    if (c2 == 0) {
        char c;
        CHECK(write(ready[1], "2", 1) == 1, "ready 2");
        ssize_t n = read(never[0], &c, 1);
        _exit(n == 0 ? 20 : 21);
    }
    char buf[2];
    CHECK(read(ready[0], buf, 1) == 1 && read(ready[0], buf + 1, 1) == 1, "wait ready");
    CHECK(kill(c1, SIGTERM) == 0 && kill(c2, SIGTERM) == 0, "kill");
    int s1, s2;
    CHECK(waitpid(c1, &s1, 0) == c1 && waitpid(c2, &s2, 0) == c2, "waitpid");
    printf("child 1: exited=%d status=%d\n", WIFEXITED(s1), WEXITSTATUS(s1));
    printf("child 2: signaled=%d signal=%s\n", WIFSIGNALED(s2), sigabbrev_np(WTERMSIG(s2)));

    int report[2];
    CHECK(pipe(report) == 0, "pipe report");
    pid_t c3 = fork();
    CHECK(c3 >= 0, "fork 3");
    if (c3 == 0) {
        pid_t me = getpid();
        pid_t g = fork();
        CHECK(g >= 0, "fork grandchild");
        if (g == 0) {
            while (getppid() == me)
                usleep(1000);
            const char *msg = "grandchild reparented after its parent exited\n";
            CHECK(write(report[1], msg, strlen(msg)) == (ssize_t)strlen(msg), "report");
            _exit(0);
        }
        _exit(0);
    }
    close(report[1]);
    CHECK(waitpid(c3, &s1, 0) == c3, "waitpid 3");
    char line[80] = {0};
    ssize_t n = read(report[0], line, sizeof line - 1);
    printf("%s", n > 0 ? line : "no report from the grandchild\n");
    return 0;
}
