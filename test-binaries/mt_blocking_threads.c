/* mt_blocking_threads: threads blocked in syscalls while others run: a reader blocks in read()
 * on a pipe until a writer thread (after nanosleep 5 ms) writes; a second reader blocks in
 * accept-free recv on a socketpair; main blocks in pthread_join. A recorder that runs one thread at
 * a time must switch away from a thread blocked in the kernel. Prints what each reader got (the
 * order of the lines is fixed by joins, not by timing).
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>
#include <sys/socket.h>

static int pipefd[2], sock[2];
static char got_pipe[32], got_sock[32];

static void *pipe_reader(void *arg) {
    (void)arg;
    ssize_t n = read(pipefd[0], got_pipe, sizeof got_pipe - 1);
    CHECK(n > 0, "read pipe");
    return NULL;
}

static void *sock_reader(void *arg) {
    (void)arg;
    ssize_t n = recv(sock[1], got_sock, sizeof got_sock - 1, 0);
    CHECK(n > 0, "recv");
    CHECK(send(sock[1], "ack", 3, 0) == 3, "send ack");
    return NULL;
}

static void *writer(void *arg) {
    (void)arg;
    nanosleep(&(struct timespec){0, 5000000}, NULL);
    CHECK(write(pipefd[1], "via pipe", 8) == 8, "write pipe");
    nanosleep(&(struct timespec){0, 5000000}, NULL);
    CHECK(send(sock[0], "via socket", 10, 0) == 10, "send");
    char ack[4] = {0};
    CHECK(recv(sock[0], ack, 3, 0) == 3, "recv ack");
    return strdup(ack);
}

int main(void) {
    CHECK(pipe(pipefd) == 0, "pipe");
    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sock) == 0, "socketpair");
    pthread_t r1, r2, w;
    CHECK(pthread_create(&r1, NULL, pipe_reader, NULL) == 0, "create r1");
    CHECK(pthread_create(&r2, NULL, sock_reader, NULL) == 0, "create r2");
    CHECK(pthread_create(&w, NULL, writer, NULL) == 0, "create w");
    void *ack;
    pthread_join(r1, NULL);
    printf("pipe reader got: %s\n", got_pipe);
    pthread_join(r2, NULL);
    printf("socket reader got: %s\n", got_sock);
    pthread_join(w, &ack);
    printf("writer got: %s\n", (char *)ack);
    free(ack);
    return 0;
}
