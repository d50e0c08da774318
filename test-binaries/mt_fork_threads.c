/* mt_fork_threads: fork from a multithreaded process: a helper thread is blocked in read() when
 * main forks; the child has only the forking thread (its /proc/self/task count is 1), writes to
 * the pipe the helper waits on, and exits 0; the parent wakes the helper and reaps the child.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <dirent.h>
#include <pthread.h>
#include <sys/wait.h>

static int p[2];

static int task_count(void) {
    DIR *d = opendir("/proc/self/task");
    CHECK(d != NULL, "opendir task");
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        n += e->d_name[0] != '.';
    closedir(d);
    return n;
}

static void *helper(void *arg) {
    (void)arg;
    char buf[32] = {0};
    CHECK(read(p[0], buf, sizeof buf - 1) > 0, "helper read");
    return strdup(buf);
}

int main(void) {
    CHECK(pipe(p) == 0, "pipe");
    pthread_t t;
    CHECK(pthread_create(&t, NULL, helper, NULL) == 0, "create");
    usleep(2000);
    printf("parent threads: %d\n", task_count());
    fflush(stdout);
    pid_t c = fork();
    CHECK(c >= 0, "fork");
    if (c == 0) {
        printf("child threads: %d\n", task_count());
        fflush(stdout);
        CHECK(write(p[1], "from the child", 14) == 14, "child write");
        _exit(0);
    }
    void *msg;
    pthread_join(t, &msg);
    int status;
    CHECK(waitpid(c, &status, 0) == c, "waitpid");
    printf("helper got: %s\nchild status: %d\n", (char *)msg, WEXITSTATUS(status));
    free(msg);
    return 0;
}
