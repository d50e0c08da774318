/* err_fork: forks. Until multi-process recording lands, jrrtui record must refuse clearly. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t p = fork();
    if (p == 0) _exit(7);
    int status;
    waitpid(p, &status, 0);
    printf("child exit %d\n", WEXITSTATUS(status));
    return 0;
}
