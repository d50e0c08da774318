/* rr_unix_scm: a unix socketpair inside one process: sendmsg/recvmsg with two iovecs and an
 * SCM_RIGHTS control message passing a pipe fd, reading through the received fd, SOCK_SEQPACKET
 * message boundaries, SO_PEERCRED (pid compared, not printed), MSG_PEEK.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/socket.h>
#include <sys/uio.h>

int main(void) {
    int sv[2];
    CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0, "socketpair");
    int p[2];
    CHECK(pipe(p) == 0, "pipe");
    CHECK(write(p[1], "through passed fd", 17) == 17, "write pipe");

    struct iovec iov[2] = {{"head:", 5}, {"tail", 4}};
    union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(int))]; } ctl;
    memset(&ctl, 0, sizeof ctl);
    struct msghdr msg = {.msg_iov = iov, .msg_iovlen = 2, .msg_control = ctl.buf,
                         .msg_controllen = sizeof ctl.buf};
    struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &p[0], sizeof(int));
    CHECK(sendmsg(sv[0], &msg, 0) == 9, "sendmsg");
    close(p[0]);

    char peek[4];
    printf("MSG_PEEK: %zd '%.4s'\n", recv(sv[1], peek, 4, MSG_PEEK), peek);
    char data[32] = {0};
    struct iovec in = {data, sizeof data - 1};
    union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(int))]; } rctl;
    struct msghdr rmsg = {.msg_iov = &in, .msg_iovlen = 1, .msg_control = rctl.buf,
                          .msg_controllen = sizeof rctl.buf};
    ssize_t n = recvmsg(sv[1], &rmsg, MSG_CMSG_CLOEXEC);
    printf("recvmsg: %zd '%s' flags=%#x\n", n, data, rmsg.msg_flags);
    int got = -1;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&rmsg); c; c = CMSG_NXTHDR(&rmsg, c))
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS)
            memcpy(&got, CMSG_DATA(c), sizeof(int));
    printf("received fd number: %d\n", got);
    char buf[32] = {0};
    n = read(got, buf, sizeof buf - 1);
    printf("read via received fd: %zd '%s'\n", n, buf);
    close(got);
    close(p[1]);

    struct ucred cred;
    socklen_t len = sizeof cred;
    CHECK(getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0, "SO_PEERCRED");
    printf("peer cred pid is self: %s, uid matches: %s\n", cred.pid == getpid() ? "yes" : "no",
           cred.uid == getuid() ? "yes" : "no");
    close(sv[0]);
    close(sv[1]);

    int sp[2];
    CHECK(socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sp) == 0, "socketpair seqpacket");
    CHECK(send(sp[0], "first", 5, 0) == 5 && send(sp[0], "second!", 7, 0) == 7, "send");
    n = recv(sp[1], buf, sizeof buf, 0);
    printf("seqpacket 1: %zd '%.*s'\n", n, (int)n, buf);
    n = recv(sp[1], buf, 3, 0);
    printf("seqpacket 2 truncated: %zd '%.*s'\n", n, (int)n, buf);
    close(sp[0]);
    close(sp[1]);
    return 0;
}
