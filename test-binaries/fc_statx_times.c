/* fc_statx_times: file metadata: statx of a new file, utimensat to fixed times, stat and lstat of
 * a symlink to it, readlink, fstatat with AT_SYMLINK_NOFOLLOW.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void) {
    char *dir = rr_make_tempdir();
    const char *f = rr_path(dir, "file");
    int fd = open(f, O_CREAT | O_WRONLY, 0640);
    CHECK(fd >= 0 && write(fd, "12345", 5) == 5, "create");
    struct statx sx;
    CHECK(statx(AT_FDCWD, f, 0, STATX_BASIC_STATS, &sx) == 0, "statx");
    printf("statx size %llu mode %o\n", (unsigned long long)sx.stx_size, sx.stx_mode & 0777);
    struct timespec times[2] = {{1000000000, 0}, {1234567890, 500}};
    CHECK(utimensat(AT_FDCWD, f, times, 0) == 0, "utimensat");
    struct stat st;
    CHECK(stat(f, &st) == 0, "stat");
    printf("mtime %ld.%09ld\n", (long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    CHECK(symlink("file", rr_path(dir, "link")) == 0, "symlink");
    char target[32] = {0};
    printf("readlink %zd '%s'\n", readlink(rr_path(dir, "link"), target, sizeof target - 1), target);
    struct stat ls;
    CHECK(fstatat(AT_FDCWD, rr_path(dir, "link"), &ls, AT_SYMLINK_NOFOLLOW) == 0, "fstatat");
    printf("link is a symlink %d, its target a file %d\n", S_ISLNK(ls.st_mode), S_ISREG(st.st_mode));
    rr_remove_tree(dir);
    return 0;
}
