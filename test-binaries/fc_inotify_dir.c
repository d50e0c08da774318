/* fc_inotify_dir: inotify on a directory: create, modify, rename and delete a file; the events'
 * masks and names are printed in order.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/inotify.h>

int main(void) {
    char *dir = rr_make_tempdir();
    int in = inotify_init1(IN_NONBLOCK);
    CHECK(in >= 0, "inotify_init1");
    CHECK(inotify_add_watch(in, dir, IN_CREATE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE) >= 0, "watch");
    int fd = open(rr_path(dir, "a"), O_CREAT | O_WRONLY, 0600);
    write(fd, "x", 1);
    close(fd);
    rename(rr_path(dir, "a"), rr_path(dir, "b"));
    unlink(rr_path(dir, "b"));
    char buf[4096] __attribute__((aligned(8)));
    ssize_t n = read(in, buf, sizeof buf);
    for (char *p = buf; n > 0 && p < buf + n;) {
        struct inotify_event *e = (struct inotify_event *)p;
        printf("event %s%s%s%s%s %s\n", e->mask & IN_CREATE ? "create" : "", e->mask & IN_MODIFY ? "modify" : "",
               e->mask & IN_MOVED_FROM ? "moved_from" : "", e->mask & IN_MOVED_TO ? "moved_to" : "",
               e->mask & IN_DELETE ? "delete" : "", e->len ? e->name : "");
        p += sizeof *e + e->len;
    }
    rr_remove_tree(dir);
    return 0;
}
