/* fc_rename_links: link, symlink, readlink, rename over an existing name, renameat2 with
 * RENAME_NOREPLACE (EEXIST) and RENAME_EXCHANGE, unlink; link counts from stat.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>

static void put(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    CHECK(fd >= 0, "open");
    CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text), "write");
    close(fd);
}

static void show(const char *dir, const char *name) {
    char buf[32] = {0};
    int fd = open(rr_path(dir, name), O_RDONLY);
    if (fd < 0) { printf("  %s: %s\n", name, strerrorname_np(errno)); return; }
    CHECK(read(fd, buf, sizeof buf - 1) >= 0, "read");
    struct stat st;
    fstat(fd, &st);
    close(fd);
    printf("  %s: '%s' links %ld\n", name, buf, (long)st.st_nlink);
}

int main(void) {
    char *dir = rr_make_tempdir();
    put(rr_path(dir, "a"), "alpha");
    put(rr_path(dir, "b"), "beta");
    CHECK(link(rr_path(dir, "a"), rr_path(dir, "a2")) == 0, "link");
    CHECK(symlink("a", rr_path(dir, "sym")) == 0, "symlink");
    char target[16] = {0};
    printf("readlink: %zd '%s'\n", readlink(rr_path(dir, "sym"), target, sizeof target - 1), target);
    errno = 0;
    int r = renameat2(AT_FDCWD, rr_path(dir, "a"), AT_FDCWD, rr_path(dir, "b"), RENAME_NOREPLACE);
    printf("noreplace: %d %s\n", r, strerrorname_np(errno));
    r = renameat2(AT_FDCWD, rr_path(dir, "a"), AT_FDCWD, rr_path(dir, "b"), RENAME_EXCHANGE);
    printf("exchange: %d\n", r);
    show(dir, "a");
    show(dir, "b");
    CHECK(rename(rr_path(dir, "a"), rr_path(dir, "a2")) == 0, "rename");
    show(dir, "a");
    show(dir, "a2");
    show(dir, "sym");
    CHECK(unlink(rr_path(dir, "b")) == 0, "unlink");
    show(dir, "a2");
    rr_remove_tree(dir);
    return 0;
}
