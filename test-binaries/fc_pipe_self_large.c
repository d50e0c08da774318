/* fc_pipe_self_large: a write larger than the pipe buffer to a pipe that a second thread of the
 * same program drains (the writer blocks until the reader has read); checksum of what arrived.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

#define SIZE (1 << 20)
static int fds[2];
static unsigned char data[SIZE];

static void *drain(void *arg) {
    (void)arg;
    static unsigned char in[SIZE];
    size_t got = 0;
    while (got < SIZE) {
        ssize_t n = read(fds[0], in + got, SIZE - got);
        if (n <= 0) break;
        got += n;
    }
    printf("drained %zu bytes, fnv %016llx\n", got, (unsigned long long)rr_fnv(RR_FNV_INIT, in, got));
    return NULL;
}

int main(void) {
    for (int i = 0; i < SIZE; i++) data[i] = (unsigned char)(i * 31 + 7);
    CHECK(pipe(fds) == 0, "pipe");
    pthread_t t;
    CHECK(pthread_create(&t, NULL, drain, NULL) == 0, "pthread_create");
    ssize_t n = write(fds[1], data, SIZE);
    printf("wrote %zd\n", n);
    fflush(stdout);
    pthread_join(t, NULL);
    return 0;
}
