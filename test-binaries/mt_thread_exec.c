/* mt_thread_exec: execve from a non-main thread while another thread blocks: the kernel kills
 * the other threads, and the exec'ing thread takes over the process id (the old main thread's
 * pid). The new image is /bin/sh printing a line and exiting 6.
 * NONDETERMINISTIC: no
 * expected exit status: 6 */
#include "rr_util.h"
#include <pthread.h>

static void *execer(void *arg) {
    (void)arg;
    char pid[32];
    snprintf(pid, sizeof pid, "%d", (int)getpid());
    setenv("OLD_PID", pid, 1);
    fflush(stdout);
    execl("/bin/sh", "sh", "-c", "if [ \"$$\" = \"$OLD_PID\" ]; then echo 'sh: pid kept after exec from a thread'; "
          "else echo 'sh: pid changed'; fi; exit 6", (char *)NULL);
    CHECK(0, "execl");
    return NULL;
}

int main(void) {
    printf("main thread starts an exec'ing thread and blocks\n");
    pthread_t t;
    CHECK(pthread_create(&t, NULL, execer, NULL) == 0, "create");
    for (;;)
        pause();
}
