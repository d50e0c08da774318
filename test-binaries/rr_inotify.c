/* rr_inotify: file-system events read as variable-length records: inotify_init1, add_watch on a
 * temp dir, create/modify/rename/delete a file, read the event buffer (names, masks, rename
 * cookies matched), rm_watch and IN_IGNORED.
 * NONDETERMINISTIC: no (the cookie value varies, only whether the pair matches is printed)
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>

static const char *kind(uint32_t m) {
    if (m & IN_CREATE) return "CREATE";
    if (m & IN_MODIFY) return "MODIFY";
    if (m & IN_CLOSE_WRITE) return "CLOSE_WRITE";
    if (m & IN_MOVED_FROM) return "MOVED_FROM";
    if (m & IN_MOVED_TO) return "MOVED_TO";
    if (m & IN_DELETE) return "DELETE";
    if (m & IN_IGNORED) return "IGNORED";
    return "other";
}

static void drain(int in) {
    char buf[4096] __attribute__((aligned(8)));
    static uint32_t cookie;
    struct pollfd pfd = {.fd = in, .events = POLLIN};
    while (poll(&pfd, 1, 0) > 0) {
        ssize_t n = read(in, buf, sizeof buf);
        CHECK(n > 0, "read inotify");
        for (char *p = buf; p < buf + n;) {
            struct inotify_event *e = (struct inotify_event *)p;
            printf("event %-11s name=%s", kind(e->mask), e->len ? e->name : "-");
            if (e->mask & IN_MOVED_FROM) cookie = e->cookie;
            if (e->mask & IN_MOVED_TO) printf(" cookie matches: %s", e->cookie == cookie ? "yes" : "no");
            printf("\n");
            p += sizeof *e + e->len;
        }
    }
}

int main(void) {
    char *dir = rr_make_tempdir();
    int in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    CHECK(in >= 0, "inotify_init1");
    int wd = inotify_add_watch(in, dir, IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVE | IN_DELETE);
    CHECK(wd >= 0, "add_watch");
    printf("watch descriptor: %d\n", wd);
    int fd = open(rr_path(dir, "f1"), O_CREAT | O_WRONLY, 0600);
    CHECK(write(fd, "data", 4) == 4, "write");
    close(fd);
    CHECK(rename(rr_path(dir, "f1"), rr_path(dir, "f2")) == 0, "rename");
    CHECK(unlink(rr_path(dir, "f2")) == 0, "unlink");
    drain(in);
    CHECK(inotify_rm_watch(in, wd) == 0, "rm_watch");
    drain(in);
    close(in);
    rr_remove_tree(dir);
    return 0;
}
