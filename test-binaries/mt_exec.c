/* mt_exec: execve in a child and in the main process. Stage 1: a forked child execs /bin/echo
 * (output through the inherited stdout), the parent waits; then the process re-execs itself
 * (/proc/self/exe, argument "stage2", env var carrying its pid). Stage 2 checks the pid survived
 * exec and execs the sibling test program rr_exit3 (same directory), whose output and exit
 * status 3 end the run.
 * NONDETERMINISTIC: no
 * expected exit status: 3 (from rr_exit3) */
#include "rr_util.h"
#include <libgen.h>
#include <limits.h>
#include <sys/wait.h>

extern char **environ;

int main(int argc, char **argv) {
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    CHECK(n > 0, "readlink");
    exe[n] = 0;
    if (argc > 1 && strcmp(argv[1], "stage2") == 0) {
        const char *pid = getenv("MT_EXEC_PID");
        printf("stage2: argv[0] kept: %s, pid unchanged across exec: %s\n",
               strcmp(argv[0], "mt_exec-self") == 0 ? "yes" : "no",
               pid && atoi(pid) == getpid() ? "yes" : "no");
        char sibling[PATH_MAX + 16];
        snprintf(sibling, sizeof sibling, "%s/rr_exit3", dirname(exe));
        fflush(stdout);
        execl(sibling, "rr_exit3", (char *)NULL);
        CHECK(0, "exec rr_exit3");
    }
    printf("stage1\n");
    fflush(stdout);
    pid_t c = fork();
    CHECK(c >= 0, "fork");
    if (c == 0) {
        execl("/bin/echo", "echo", "hello from /bin/echo in the child", (char *)NULL);
        _exit(127);
    }
    int status;
    CHECK(waitpid(c, &status, 0) == c, "waitpid");
    printf("echo child exit status %d\n", WEXITSTATUS(status));
    errno = 0;
    execl("/no/such/program", "x", (char *)NULL);
    printf("exec of a missing program: errno=%s\n", strerrorname_np(errno));
    char pidbuf[32];
    snprintf(pidbuf, sizeof pidbuf, "%d", (int)getpid());
    setenv("MT_EXEC_PID", pidbuf, 1);
    fflush(stdout);
    char *args[] = {"mt_exec-self", "stage2", NULL};
    execve(exe, args, environ);
    CHECK(0, "execve self");
}
