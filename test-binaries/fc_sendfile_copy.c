/* fc_sendfile_copy: a file copied with sendfile (offset pointer updated) and copy_file_range,
 * then read back.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/sendfile.h>

int main(void) {
    char *dir = rr_make_tempdir();
    int src = open(rr_path(dir, "src"), O_RDWR | O_CREAT, 0600);
    CHECK(src >= 0, "open src");
    const char text[] = "0123456789abcdefghij";
    CHECK(write(src, text, 20) == 20, "write");
    int dst = open(rr_path(dir, "dst"), O_RDWR | O_CREAT, 0600);
    off_t off = 5;
    printf("sendfile %zd, offset now %ld\n", sendfile(dst, src, &off, 10), (long)off);
    loff_t in = 15, out = 10;
    printf("copy_file_range %zd\n", copy_file_range(src, &in, dst, &out, 5, 0));
    char back[32] = {0};
    printf("pread %zd: %s\n", pread(dst, back, sizeof back - 1, 0), back);
    rr_remove_tree(dir);
    return 0;
}
