/* rr_cwd: working directory syscalls: getcwd, chdir to / and /tmp, fchdir back to the start
 * directory, getcwd with a too-small buffer (ERANGE), chdir to a missing path (ENOENT), and a
 * relative open after chdir into a temp dir (its random name is never printed).
 * NONDETERMINISTIC: no (for the same starting directory)
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <limits.h>

int main(void) {
    char start[PATH_MAX], buf[PATH_MAX];
    CHECK(getcwd(start, sizeof start) != NULL, "getcwd");
    printf("start: %s\n", start);
    int startfd = open(".", O_RDONLY | O_DIRECTORY);
    CHECK(startfd >= 0, "open .");
    CHECK(chdir("/") == 0, "chdir /");
    printf("after chdir /: %s\n", getcwd(buf, sizeof buf));
    CHECK(chdir("/tmp") == 0, "chdir /tmp");
    printf("after chdir /tmp: %s\n", getcwd(buf, sizeof buf));
    errno = 0;
    char *r = getcwd(buf, 2);
    printf("getcwd small buffer: %s errno=%s\n", r ? "ok" : "NULL", strerrorname_np(errno));
    errno = 0;
    int rc = chdir("/no/such/dir/here");
    printf("chdir missing: %d errno=%s\n", rc, strerrorname_np(errno));

    char *dir = rr_make_tempdir();
    CHECK(chdir(dir) == 0, "chdir temp");
    int fd = open("relative.txt", O_CREAT | O_WRONLY, 0600);
    CHECK(fd >= 0, "open relative");
    CHECK(write(fd, "x", 1) == 1, "write");
    close(fd);
    CHECK(getcwd(buf, sizeof buf) != NULL, "getcwd temp");
    printf("cwd is the temp dir: %s\n", strcmp(buf, dir) == 0 ? "yes" : "no");
    printf("relative file visible by absolute path: %s\n",
           access(rr_path(dir, "relative.txt"), F_OK) == 0 ? "yes" : "no");
    CHECK(fchdir(startfd) == 0, "fchdir");
    printf("after fchdir: %s\n", getcwd(buf, sizeof buf));
    close(startfd);
    rr_remove_tree(dir);
    return 0;
}
