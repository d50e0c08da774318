/* fc_tcp_loopback: a TCP server thread and a client on the loopback: connect, 64 KiB sent in
 * pieces, echoed back, shutdown; the client checks what came back.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>

static int listener;

static void *server(void *arg) {
    (void)arg;
    int c = accept(listener, NULL, NULL);
    char buf[4096];
    ssize_t n;
    while ((n = read(c, buf, sizeof buf)) > 0) write(c, buf, n);
    close(c);
    return NULL;
}

int main(void) {
    listener = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    CHECK(bind(listener, (struct sockaddr *)&a, sizeof a) == 0 && listen(listener, 1) == 0, "listen");
    socklen_t len = sizeof a;
    getsockname(listener, (struct sockaddr *)&a, &len);
    pthread_t t;
    pthread_create(&t, NULL, server, NULL);
    int s = socket(AF_INET, SOCK_STREAM, 0);
    CHECK(connect(s, (struct sockaddr *)&a, sizeof a) == 0, "connect");
    static unsigned char out[65536], in[65536];
    for (int i = 0; i < 65536; i++) out[i] = (unsigned char)(i ^ (i >> 8));
    size_t sent = 0, got = 0;
    while (sent < sizeof out) {
        ssize_t n = write(s, out + sent, 3000 < sizeof out - sent ? 3000 : sizeof out - sent);
        CHECK(n > 0, "write");
        sent += n;
        while (got < sent) {
            ssize_t r = read(s, in + got, sent - got);
            CHECK(r > 0, "read");
            got += r;
        }
    }
    shutdown(s, SHUT_WR);
    pthread_join(t, NULL);
    printf("echoed %zu bytes, same %d\n", got, memcmp(in, out, sizeof in) == 0);
    return 0;
}
