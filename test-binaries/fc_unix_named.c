/* fc_unix_named: a stream socket bound to a path in a fresh directory; a forked child connects
 * and sends, the parent accepts, reads, answers; getsockname/getpeername report the path.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

int main(void) {
    char *dir = rr_make_tempdir();
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    snprintf(a.sun_path, sizeof a.sun_path, "%s", rr_path(dir, "sock"));
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK(s >= 0, "socket");
    CHECK(bind(s, (struct sockaddr *)&a, sizeof a) == 0, "bind");
    CHECK(listen(s, 1) == 0, "listen");
    pid_t p = fork();
    CHECK(p >= 0, "fork");
    if (p == 0) {
        int c = socket(AF_UNIX, SOCK_STREAM, 0);
        CHECK(connect(c, (struct sockaddr *)&a, sizeof a) == 0, "connect");
        CHECK(write(c, "ping", 4) == 4, "write");
        char r[8] = {0};
        CHECK(read(c, r, 4) == 4, "read");
        printf("child got %s\n", r);
        fflush(stdout);
        _exit(0);
    }
    int c = accept(s, NULL, NULL);
    CHECK(c >= 0, "accept");
    char buf[8] = {0};
    CHECK(read(c, buf, 4) == 4, "read");
    printf("parent got %s\n", buf);
    fflush(stdout);
    CHECK(write(c, "pong", 4) == 4, "write");
    struct sockaddr_un got;
    socklen_t len = sizeof got;
    CHECK(getsockname(c, (struct sockaddr *)&got, &len) == 0, "getsockname");
    printf("local name is the bound path: %d\n", strcmp(got.sun_path, a.sun_path) == 0);
    len = sizeof got;
    CHECK(getpeername(c, (struct sockaddr *)&got, &len) == 0, "getpeername");
    printf("peer is unnamed: %d\n", len == sizeof(sa_family_t));
    int st;
    waitpid(p, &st, 0);
    rr_remove_tree(dir);
    return 0;
}
