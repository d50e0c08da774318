/* sb_fd_reuse: a descriptor number that named /dev/zero is made to name another file in every way
 * the syscall-buffering library's descriptor cache must notice (issue 13, sbuf6): close + open,
 * dup2, dup3, close_range + open, dup2 by another thread, and dup2 by a process that shares the
 * descriptor table but not the memory (clone CLONE_FILES). Each case reads /dev/zero through the
 * number first (the library learns it is /dev/zero), re-points it, then reads again and prints
 * what it got: a stale cache would record the second read as zeros, and replay would diverge at the
 * traced call whose argument is a hash of the bytes read. Between the first read and the second,
 * the re-pointing call is the only one that changes descriptors.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define N 7 /* the number every case re-points */

static char buf[4096];
static int pipe_r;

/* N names /dev/zero, and a 4 KB read of it went through the library */
static void zero_at_n(void) {
    int z = open("/dev/zero", O_RDONLY);
    CHECK(z >= 0, "open /dev/zero");
    if (z != N) {
        CHECK(dup2(z, N) == N, "dup2 zero");
        close(z);
    }
    buf[0] = 1;
    CHECK(read(N, buf, sizeof buf) == (ssize_t)sizeof buf && buf[0] == 0, "read zeros");
}

/* a pipe holding text, its read end in pipe_r */
static void fill_pipe(const char *text) {
    int p[2];
    CHECK(pipe(p) == 0, "pipe");
    CHECK(write(p[1], text, strlen(text)) == (ssize_t)strlen(text), "write pipe");
    close(p[1]);
    pipe_r = p[0];
}

static void show(const char *what) {
    memset(buf, 0x55, 16);
    ssize_t n = read(N, buf, sizeof buf);
    CHECK(n > 0, "read after");
    /* the bytes steer a traced call's arguments, which replay compares: wrong bytes diverge there */
    uint64_t h = rr_fnv(RR_FNV_INIT, buf, (size_t)n);
    syscall(SYS_lseek, -1L, (long)(h >> 1), (long)SEEK_SET);
    printf("%s: %zd bytes:", what, n);
    for (int i = 0; i < 12 && i < n; i++) printf(" %02x", (unsigned char)buf[i]);
    printf("\n");
}

static void *dup2_thread(void *arg) {
    (void)arg;
    CHECK(dup2(pipe_r, N) == N, "dup2 in thread");
    return NULL;
}

int main(void) {
    for (int fd = 3; fd < N; fd++) CHECK(dup2(2, fd) == fd, "fill the numbers below N");
    zero_at_n();
    close(N);
    CHECK(open("/proc/self/exe", O_RDONLY) == N, "open takes the lowest free number"); /* 0 to N-1 are busy */
    show("close+open");

    fill_pipe("pipe after dup2");
    zero_at_n();
    CHECK(dup2(pipe_r, N) == N, "dup2");
    show("dup2");
    close(pipe_r);

    fill_pipe("pipe after dup3");
    zero_at_n();
    CHECK(dup3(pipe_r, N, O_CLOEXEC) == N, "dup3");
    show("dup3");
    close(pipe_r);

    zero_at_n();
    CHECK(syscall(SYS_close_range, N, N, 0) == 0, "close_range");
    CHECK(open("/proc/self/exe", O_RDONLY) == N, "open after close_range");
    show("close_range+open");

    fill_pipe("pipe from a thread");
    zero_at_n();
    pthread_t t;
    CHECK(pthread_create(&t, NULL, dup2_thread, NULL) == 0, "pthread_create");
    CHECK(pthread_join(t, NULL) == 0, "pthread_join");
    show("thread dup2");
    close(pipe_r);

    fill_pipe("pipe from a process sharing the table");
    fflush(stdout);
    zero_at_n();
    long pid = syscall(SYS_clone, (long)(CLONE_FILES | SIGCHLD), 0L, 0L, 0L, 0L);
    CHECK(pid >= 0, "clone CLONE_FILES");
    if (pid == 0) {
        if (dup2(pipe_r, N) != N) syscall(SYS_exit_group, 3);
        syscall(SYS_exit_group, 0);
    }
    int status;
    CHECK(waitpid((pid_t)pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0, "waitpid");
    show("CLONE_FILES dup2");
    close(pipe_r);

    zero_at_n(); /* and after all that, /dev/zero again */
    show("zero again");
    return 0;
}
