/* fc_socket_udp: UDP on the loopback: bind to an ephemeral port, getsockname, sendto self,
 * recvfrom with the sender's address, sendmmsg/recvmmsg of three datagrams, SO_RCVBUF query.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

int main(void) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK(s >= 0, "socket");
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    CHECK(bind(s, (struct sockaddr *)&a, sizeof a) == 0, "bind");
    socklen_t len = sizeof a;
    CHECK(getsockname(s, (struct sockaddr *)&a, &len) == 0, "getsockname");
    printf("bound to a port: %d\n", ntohs(a.sin_port) > 0);
    CHECK(sendto(s, "ping", 4, 0, (struct sockaddr *)&a, sizeof a) == 4, "sendto");
    char buf[16] = {0};
    struct sockaddr_in from;
    socklen_t flen = sizeof from;
    ssize_t n = recvfrom(s, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen);
    printf("recvfrom %zd '%s' from self %d\n", n, buf, from.sin_port == a.sin_port);
    struct mmsghdr msgs[3];
    struct iovec iov[3];
    char out[3][8] = {"one", "two", "three"};
    memset(msgs, 0, sizeof msgs);
    for (int i = 0; i < 3; i++) {
        iov[i] = (struct iovec){out[i], strlen(out[i])};
        msgs[i].msg_hdr = (struct msghdr){.msg_name = &a, .msg_namelen = sizeof a, .msg_iov = &iov[i], .msg_iovlen = 1};
    }
    printf("sendmmsg %d\n", sendmmsg(s, msgs, 3, 0));
    char in[3][8];
    memset(in, 0, sizeof in);
    for (int i = 0; i < 3; i++) {
        iov[i] = (struct iovec){in[i], sizeof in[i] - 1};
        msgs[i].msg_hdr = (struct msghdr){.msg_iov = &iov[i], .msg_iovlen = 1};
    }
    int got = recvmmsg(s, msgs, 3, MSG_DONTWAIT, NULL);
    printf("recvmmsg %d: %s %s %s\n", got, in[0], in[1], in[2]);
    int rcv = 0;
    socklen_t rl = sizeof rcv;
    getsockopt(s, SOL_SOCKET, SO_RCVBUF, &rcv, &rl);
    printf("SO_RCVBUF positive %d\n", rcv > 0);
    return 0;
}
