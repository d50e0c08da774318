/* fc_otmpfile_linkat: openat relative to a directory descriptor, an O_TMPFILE file given a name
 * later with linkat through /proc/self/fd, and fstatat/unlinkat with the directory descriptor.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void) {
    char *dir = rr_make_tempdir();
    int d = open(dir, O_RDONLY | O_DIRECTORY);
    CHECK(d >= 0, "open dir");
    int fd = openat(d, "plain", O_WRONLY | O_CREAT, 0640);
    CHECK(fd >= 0, "openat");
    close(fd);
    int t = openat(d, ".", O_TMPFILE | O_RDWR, 0600);
    if (t < 0) {
        printf("O_TMPFILE: %s\n", strerrorname_np(errno));
    } else {
        CHECK(write(t, "anonymous until linked", 22) == 22, "write");
        char proc[64];
        snprintf(proc, sizeof proc, "/proc/self/fd/%d", t);
        int r = linkat(AT_FDCWD, proc, d, "named", AT_SYMLINK_FOLLOW);
        printf("linkat: %d\n", r);
        struct stat st;
        CHECK(fstatat(d, "named", &st, 0) == 0, "fstatat");
        printf("named: size %ld mode %o\n", (long)st.st_size, st.st_mode & 0777);
        close(t);
    }
    struct stat st;
    CHECK(fstatat(d, "plain", &st, 0) == 0, "fstatat plain");
    printf("plain: mode %o\n", st.st_mode & 0777);
    printf("unlinkat: %d %d\n", unlinkat(d, "plain", 0), unlinkat(d, "named", 0));
    errno = 0;
    int r = fstatat(d, "plain", &st, 0);
    printf("after unlink: %d %s\n", r, strerrorname_np(errno));
    close(d);
    rr_remove_tree(dir);
    return 0;
}
