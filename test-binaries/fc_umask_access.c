/* fc_umask_access: umask shapes new files' modes; fchmod, chmod, access and faccessat with
 * AT_EACCESS report what the modes allow (root is not limited by modes, except execute).
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/stat.h>

int main(void) {
    char *dir = rr_make_tempdir();
    mode_t old = umask(027);
    int fd = open(rr_path(dir, "f"), O_WRONLY | O_CREAT, 0777);
    CHECK(fd >= 0, "open");
    struct stat st;
    fstat(fd, &st);
    printf("old umask %03o, created mode %03o\n", old, st.st_mode & 0777);
    CHECK(fchmod(fd, 0400) == 0, "fchmod");
    fstat(fd, &st);
    printf("after fchmod: %03o\n", st.st_mode & 0777);
    printf("exec allowed: %d\n", access(rr_path(dir, "f"), X_OK) == 0);
    CHECK(chmod(rr_path(dir, "f"), 0700) == 0, "chmod");
    printf("after chmod exec allowed: %d, eaccess %d\n", access(rr_path(dir, "f"), X_OK) == 0,
           faccessat(AT_FDCWD, rr_path(dir, "f"), X_OK, AT_EACCESS) == 0);
    errno = 0;
    int r = access(rr_path(dir, "missing"), F_OK);
    printf("missing: %d %s\n", r, strerrorname_np(errno));
    umask(old);
    close(fd);
    rr_remove_tree(dir);
    return 0;
}
