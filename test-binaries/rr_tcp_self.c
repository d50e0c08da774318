/* rr_tcp_self: a TCP connection from the process to itself on 127.0.0.1: listen on port 0,
 * getsockname (kernel-chosen port), nonblocking connect (EINPROGRESS), accept4, poll for
 * writability, SO_ERROR, send/recv both ways, setsockopt TCP_NODELAY, getpeername, shutdown.
 * NONDETERMINISTIC: yes (the ephemeral port numbers)
 * expected exit status: 0 */
#include "rr_util.h"
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>

int main(void) {
    int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    CHECK(ls >= 0, "socket");
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    CHECK(bind(ls, (struct sockaddr *)&addr, sizeof addr) == 0, "bind");
    CHECK(listen(ls, 4) == 0, "listen");
    socklen_t len = sizeof addr;
    CHECK(getsockname(ls, (struct sockaddr *)&addr, &len) == 0, "getsockname");
    printf("listening port: %d\n", ntohs(addr.sin_port));

    int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    CHECK(c >= 0, "socket client");
    int rc = connect(c, (struct sockaddr *)&addr, sizeof addr);
    printf("nonblocking connect: rc=%d errno=%s\n", rc, rc == 0 ? "0" : strerrorname_np(errno));
    struct pollfd pfd = {.fd = c, .events = POLLOUT};
    printf("poll POLLOUT: %d\n", poll(&pfd, 1, 1000));
    int err = -1;
    len = sizeof err;
    CHECK(getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &len) == 0, "SO_ERROR");
    printf("SO_ERROR: %d\n", err);

    struct sockaddr_in peer;
    len = sizeof peer;
    int s = accept4(ls, (struct sockaddr *)&peer, &len, SOCK_CLOEXEC);
    CHECK(s >= 0, "accept4");
    struct sockaddr_in local;
    len = sizeof local;
    CHECK(getsockname(c, (struct sockaddr *)&local, &len) == 0, "getsockname client");
    printf("client port: %d, accept saw port %d (same: %s)\n", ntohs(local.sin_port),
           ntohs(peer.sin_port), local.sin_port == peer.sin_port ? "yes" : "no");
    int one = 1;
    CHECK(setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == 0, "TCP_NODELAY");

    CHECK(send(c, "hello server", 12, 0) == 12, "send");
    char buf[64] = {0};
    ssize_t n = recv(s, buf, sizeof buf, 0);
    printf("server got %zd: %.*s\n", n, (int)n, buf);
    CHECK(send(s, "hello client", 12, MSG_NOSIGNAL) == 12, "send back");
    pfd.events = POLLIN;
    poll(&pfd, 1, 1000);
    n = recv(c, buf, sizeof buf, 0);
    printf("client got %zd: %.*s\n", n, (int)n, buf);
    errno = 0;
    n = recv(c, buf, sizeof buf, MSG_DONTWAIT);
    printf("empty recv: %zd errno=%s\n", n, strerrorname_np(errno));
    CHECK(shutdown(c, SHUT_WR) == 0, "shutdown");
    printf("server recv after shutdown: %zd\n", recv(s, buf, sizeof buf, 0));
    len = sizeof peer;
    CHECK(getpeername(s, (struct sockaddr *)&peer, &len) == 0, "getpeername");
    printf("peer addr: %s\n", inet_ntoa(peer.sin_addr));
    close(s);
    close(c);
    close(ls);
    return 0;
}
