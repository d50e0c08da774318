/* fc_xattr: extended attributes on a file: set two user attributes, list them, get one (and the
 * size query with a zero buffer), remove one. Where the file system has no xattrs, the errno.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/xattr.h>

int main(void) {
    char *dir = rr_make_tempdir();
    const char *f = rr_path(dir, "f");
    close(open(f, O_CREAT | O_WRONLY, 0600));
    if (setxattr(f, "user.colour", "blue", 4, 0) != 0) {
        printf("setxattr: %s\n", strerrorname_np(errno));
        rr_remove_tree(dir);
        return 0;
    }
    setxattr(f, "user.shape", "round", 5, 0);
    char list[128] = {0};
    ssize_t n = listxattr(f, list, sizeof list);
    int count = 0;
    for (ssize_t i = 0; i < n; i += strlen(list + i) + 1) count++;
    printf("list %zd bytes, %d names\n", n, count);
    printf("size query %zd\n", getxattr(f, "user.shape", NULL, 0));
    char v[16] = {0};
    printf("get %zd '%s'\n", getxattr(f, "user.colour", v, sizeof v), v);
    printf("remove %d, then get: %zd %s\n", removexattr(f, "user.colour"), getxattr(f, "user.colour", v, sizeof v),
           strerrorname_np(errno));
    rr_remove_tree(dir);
    return 0;
}
