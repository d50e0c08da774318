/* fc_unix_seqpacket: a SOCK_SEQPACKET socketpair keeps message boundaries; MSG_PEEK then read;
 * SO_PEERCRED names the peer (this process); shutdown gives end of file.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/socket.h>

int main(void) {
    int sv[2];
    CHECK(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv) == 0, "socketpair");
    send(sv[0], "first", 5, 0);
    send(sv[0], "second!", 7, 0);
    char buf[32] = {0};
    printf("peek %zd\n", recv(sv[1], buf, sizeof buf, MSG_PEEK));
    for (int i = 0; i < 2; i++) {
        memset(buf, 0, sizeof buf);
        printf("message %zd '%s'\n", recv(sv[1], buf, sizeof buf, 0), buf);
    }
    struct ucred cred;
    socklen_t len = sizeof cred;
    CHECK(getsockopt(sv[1], SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0, "SO_PEERCRED");
    printf("peer is me %d\n", cred.pid == getpid());
    shutdown(sv[0], SHUT_WR);
    printf("after shutdown %zd\n", recv(sv[1], buf, sizeof buf, 0));
    return 0;
}
