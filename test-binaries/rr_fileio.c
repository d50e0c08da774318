/* rr_fileio: file I/O syscalls on a file in a fresh temp dir: open/creat, write, read, lseek
 * (SEEK_SET/CUR/END), pread/pwrite, readv/writev, ftruncate, fsync, rename, unlink, dup, and the
 * errors of a missing file. Prints what it read back.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/uio.h>

int main(void) {
    char *dir = rr_make_tempdir();
    const char *a = rr_path(dir, "a.txt");
    int fd = open(a, O_CREAT | O_RDWR | O_TRUNC | O_CLOEXEC, 0600);
    CHECK(fd >= 0, "open");
    CHECK(write(fd, "Hello, file world!\n", 19) == 19, "write");
    printf("lseek cur: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
    CHECK(lseek(fd, 7, SEEK_SET) == 7, "lseek set");
    char buf[128] = {0};
    ssize_t n = read(fd, buf, 5);
    printf("read after seek 7: %zd '%.*s'\n", n, (int)n, buf);

    CHECK(pwrite(fd, "FILE", 4, 7) == 4, "pwrite");
    memset(buf, 0, sizeof buf);
    n = pread(fd, buf, sizeof buf - 1, 0);
    printf("pread all: %zd '%.*s'\n", n, (int)n - 1, buf);
    printf("offset unchanged by pread/pwrite: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));

    struct iovec out[3] = {{"one ", 4}, {"two ", 4}, {"three\n", 6}};
    CHECK(lseek(fd, 0, SEEK_END) == 19, "lseek end");
    CHECK(writev(fd, out, 3) == 14, "writev");
    char p1[10] = {0}, p2[10] = {0}, p3[20] = {0};
    struct iovec in[3] = {{p1, 9}, {p2, 9}, {p3, 19}};
    CHECK(lseek(fd, 0, SEEK_SET) == 0, "lseek 0");
    n = readv(fd, in, 3);
    printf("readv: %zd [%s|%s|%s]\n", n, p1, p2, p3);

    CHECK(ftruncate(fd, 5) == 0, "ftruncate");
    CHECK(fsync(fd) == 0, "fsync");
    printf("size after ftruncate: %lld\n", (long long)lseek(fd, 0, SEEK_END));
    n = pread(fd, buf, sizeof buf, 0);
    printf("content after ftruncate: %zd '%.*s'\n", n, (int)n, buf);
    int fd2 = dup(fd);
    printf("dup offset shared: %lld\n", (long long)lseek(fd2, 0, SEEK_CUR));
    close(fd2);
    close(fd);

    const char *b = rr_path(dir, "b.txt");
    CHECK(rename(a, b) == 0, "rename");
    errno = 0;
    int rc = open(a, O_RDONLY);
    printf("open old name: %d errno=%s\n", rc, strerrorname_np(errno));
    fd = open(b, O_RDONLY);
    CHECK(fd >= 0, "open renamed");
    n = read(fd, buf, sizeof buf);
    printf("renamed content: '%.*s', read at EOF: %zd\n", (int)n, buf, read(fd, buf, 1));
    close(fd);
    CHECK(unlink(b) == 0, "unlink");
    errno = 0;
    rc = unlink(b);
    printf("unlink again: %d errno=%s\n", rc, strerrorname_np(errno));
    rr_remove_tree(dir);
    return 0;
}
