/* rr_readlink: readlink and friends: /proc/self/exe (the program's path), /proc/self/cwd,
 * a symlink it creates (its target is printed; the temp dir is not), readlink of a non-link
 * (EINVAL), realpath.
 * NONDETERMINISTIC: no (for the same binary path and working directory)
 * expected exit status: 0 */
#include "rr_util.h"
#include <limits.h>

int main(void) {
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    CHECK(n > 0, "readlink exe");
    buf[n] = 0;
    printf("exe: %s\n", buf);
    char exe[PATH_MAX];
    strcpy(exe, buf);
    n = readlink("/proc/self/cwd", buf, sizeof buf - 1);
    CHECK(n > 0, "readlink cwd");
    buf[n] = 0;
    char cwd[PATH_MAX];
    CHECK(getcwd(cwd, sizeof cwd) != NULL, "getcwd");
    printf("/proc/self/cwd equals getcwd: %s\n", strcmp(buf, cwd) == 0 ? "yes" : "no");

    char *dir = rr_make_tempdir();
    CHECK(symlink("some/relative/target", rr_path(dir, "l")) == 0, "symlink");
    n = readlink(rr_path(dir, "l"), buf, sizeof buf - 1);
    printf("symlink target: %.*s (%zd)\n", (int)n, buf, n);
    n = readlink(rr_path(dir, "l"), buf, 4);
    printf("truncated readlink: %.*s (%zd)\n", (int)n, buf, n);
    errno = 0;
    n = readlink(dir, buf, sizeof buf);
    printf("readlink of a directory: %zd errno=%s\n", n, strerrorname_np(errno));
    char *rp = realpath("/proc/self/../self/exe", NULL);
    printf("realpath of /proc/self/../self/exe is the exe: %s\n", rp && strcmp(rp, exe) == 0 ? "yes" : "no");
    free(rp);
    rr_remove_tree(dir);
    return 0;
}
