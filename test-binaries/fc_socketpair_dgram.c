/* fc_socketpair_dgram: an AF_UNIX datagram socketpair keeps message boundaries; MSG_PEEK sees a
 * message without taking it, MSG_TRUNC reports a datagram's full length, MSG_DONTWAIT on an empty
 * socket fails with EAGAIN.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/socket.h>

int main(void) {
    int sv[2];
    CHECK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == 0, "socketpair");
    const char *msgs[] = {"one", "second message", "3"};
    for (int i = 0; i < 3; i++) CHECK(send(sv[0], msgs[i], strlen(msgs[i]), 0) == (ssize_t)strlen(msgs[i]), "send");
    char buf[64];
    ssize_t n = recv(sv[1], buf, sizeof buf, MSG_PEEK);
    printf("peek: %.*s\n", (int)n, buf);
    for (int i = 0; i < 3; i++) {
        n = recv(sv[1], buf, 4, MSG_TRUNC);
        printf("recv %d: full length %zd, got '%.*s'\n", i, n, (int)(n < 4 ? n : 4), buf);
    }
    errno = 0;
    n = recv(sv[1], buf, sizeof buf, MSG_DONTWAIT);
    printf("empty: %zd %s\n", n, strerrorname_np(errno));
    return 0;
}
