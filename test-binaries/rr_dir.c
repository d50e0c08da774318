/* rr_dir: directory syscalls: mkdir, opendir/readdir (getdents64) over a directory the program
 * fills, rewinddir, d_type, rmdir, and a count of the entries of /proc/self/fd. Names are sorted
 * before printing because readdir order is a property of the file system.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

static int cmp(const void *x, const void *y) {
    return strcmp(*(char *const *)x, *(char *const *)y);
}

int main(void) {
    char *dir = rr_make_tempdir();
    char name[32];
    for (int i = 0; i < 40; i++) {
        snprintf(name, sizeof name, "file-%02d", (i * 17) % 40);
        int fd = open(rr_path(dir, name), O_CREAT | O_WRONLY, 0600);
        CHECK(fd >= 0, "create");
        close(fd);
    }
    CHECK(mkdir(rr_path(dir, "subdir"), 0700) == 0, "mkdir");

    DIR *d = opendir(dir);
    CHECK(d != NULL, "opendir");
    char *names[64];
    int count = 0, files = 0, dirs = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && count < 64) {
        names[count++] = strdup(e->d_name);
        if (e->d_type == DT_REG) files++;
        if (e->d_type == DT_DIR) dirs++;
    }
    qsort(names, count, sizeof names[0], cmp);
    printf("entries: %d (regular %d, dirs %d)\n", count, files, dirs);
    for (int i = 0; i < count; i++) {
        printf("%s%s", i ? " " : "", names[i]);
        free(names[i]);
    }
    printf("\n");
    rewinddir(d);
    int again = 0;
    while (readdir(d) != NULL)
        again++;
    printf("after rewinddir: %d\n", again);
    closedir(d);
    CHECK(rmdir(rr_path(dir, "subdir")) == 0, "rmdir");

    DIR *fds = opendir("/proc/self/fd");
    CHECK(fds != NULL, "opendir /proc/self/fd");
    int nfd = 0;
    while ((e = readdir(fds)) != NULL)
        if (e->d_name[0] != '.') nfd++;
    closedir(fds);
    printf("/proc/self/fd entries (incl. the dir's own fd): %d\n", nfd);
    rr_remove_tree(dir);
    return 0;
}
