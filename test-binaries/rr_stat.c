/* rr_stat: stat, fstat, lstat, fstatat and statx on a file and a symlink the program creates in a
 * fresh temp dir. Prints inode numbers and modification/birth times in nanoseconds (the file is new
 * on every run), plus the deterministic fields (size, mode, link count).
 * NONDETERMINISTIC: yes (inode numbers and timestamps of a new file)
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/stat.h>

static void show(const char *what, const struct stat *st) {
    printf("%s: ino=%llu size=%lld mode=%o nlink=%lu mtime=%lld.%09ld\n", what,
           (unsigned long long)st->st_ino, (long long)st->st_size, (unsigned)st->st_mode,
           (unsigned long)st->st_nlink, (long long)st->st_mtim.tv_sec, st->st_mtim.tv_nsec);
}

int main(void) {
    char *dir = rr_make_tempdir();
    const char *file = rr_path(dir, "data.txt");
    int fd = open(file, O_CREAT | O_WRONLY | O_TRUNC, 0640);
    CHECK(fd >= 0, "open");
    CHECK(write(fd, "twelve bytes", 12) == 12, "write");

    struct stat st;
    CHECK(fstat(fd, &st) == 0, "fstat");
    show("fstat", &st);
    CHECK(stat(file, &st) == 0, "stat");
    show("stat", &st);
    const char *link = rr_path(dir, "link");
    CHECK(symlink("data.txt", link) == 0, "symlink");
    CHECK(lstat(link, &st) == 0, "lstat");
    printf("lstat link: is symlink %s, size %lld, ino=%llu\n", S_ISLNK(st.st_mode) ? "yes" : "no",
           (long long)st.st_size, (unsigned long long)st.st_ino);
    CHECK(fstatat(AT_FDCWD, link, &st, 0) == 0, "fstatat");
    show("fstatat via link", &st);

    struct statx sx;
    CHECK(statx(AT_FDCWD, file, 0, STATX_ALL, &sx) == 0, "statx");
    printf("statx: ino=%llu size=%llu mtime=%lld.%09u btime=%lld.%09u mask=%x\n",
           (unsigned long long)sx.stx_ino, (unsigned long long)sx.stx_size,
           (long long)sx.stx_mtime.tv_sec, sx.stx_mtime.tv_nsec, (long long)sx.stx_btime.tv_sec,
           sx.stx_btime.tv_nsec, sx.stx_mask & STATX_BASIC_STATS);

    errno = 0;
    int rc = stat(rr_path(dir, "missing"), &st);
    printf("stat missing: rc=%d errno=%s\n", rc, strerrorname_np(errno));
    close(fd);
    rr_remove_tree(dir);
    return 0;
}
