/* fc_exec_env: fork, then execve of /bin/sh with a chosen environment and arguments; the parent
 * reads what the shell printed through a pipe and its exit status.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/wait.h>

int main(void) {
    int p[2];
    CHECK(pipe(p) == 0, "pipe");
    pid_t pid = fork();
    if (pid == 0) {
        dup2(p[1], 1);
        char *argv[] = {"sh", "-c", "echo \"$GREETING $0 $1\"; exit 4", "arg0", "arg1", NULL};
        char *envp[] = {"GREETING=hello", "PATH=/usr/bin:/bin", NULL};
        execve("/bin/sh", argv, envp);
        _exit(127);
    }
    close(p[1]);
    char buf[64] = {0};
    ssize_t n = read(p[0], buf, sizeof buf - 1);
    int status;
    waitpid(pid, &status, 0);
    printf("child said %zd: %s", n, buf);
    printf("status %d\n", WEXITSTATUS(status));
    return 0;
}
