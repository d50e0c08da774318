/* fc_sa_restart: a read from a pipe interrupted by SIGALRM: with SA_RESTART it goes on and gets
 * the data a child writes later; without, it fails with EINTR.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/time.h>
#include <sys/wait.h>

static volatile int alarms;
static void on_alarm(int sig) { (void)sig; alarms++; }

static void attempt(int flags) {
    int p[2];
    CHECK(pipe(p) == 0, "pipe");
    struct sigaction sa = {.sa_handler = on_alarm, .sa_flags = flags};
    sigaction(SIGALRM, &sa, NULL);
    pid_t pid = fork();
    if (pid == 0) {
        struct timespec ts = {0, 150 * 1000 * 1000};
        nanosleep(&ts, NULL);
        write(p[1], "late", 4);
        _exit(0);
    }
    struct itimerval it = {{0, 0}, {0, 30 * 1000}};
    setitimer(ITIMER_REAL, &it, NULL);
    char buf[8] = {0};
    errno = 0;
    ssize_t n = read(p[0], buf, sizeof buf - 1);
    printf("%s: read %zd '%s' errno=%s alarms %d\n", flags ? "SA_RESTART" : "no restart", n, n > 0 ? buf : "",
           strerrorname_np(errno), alarms);
    waitpid(pid, NULL, 0);
    close(p[0]);
    close(p[1]);
}

int main(void) {
    attempt(SA_RESTART);
    attempt(0);
    return 0;
}
