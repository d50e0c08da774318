/* rr_copy: kernel-side copies whose data never passes through user memory (a recorder must not
 * expect memory writes from them, but their results and file offsets count): sendfile,
 * copy_file_range, splice (file -> pipe -> file), tee, vmsplice. Prints byte counts and the copied
 * contents read back.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/uio.h>

static void show(const char *what, int fd) {
    char buf[128] = {0};
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    printf("%s: %zd '%s'\n", what, n, buf);
}

int main(void) {
    char *dir = rr_make_tempdir();
    int src = open(rr_path(dir, "src"), O_CREAT | O_RDWR, 0600);
    CHECK(src >= 0, "open src");
    const char *text = "the quick brown fox jumps over the lazy dog";
    CHECK(write(src, text, strlen(text)) == (ssize_t)strlen(text), "write");

    int d1 = open(rr_path(dir, "d1"), O_CREAT | O_RDWR, 0600);
    off_t off = 4;
    ssize_t n = sendfile(d1, src, &off, 15);
    printf("sendfile: %zd, offset now %lld\n", n, (long long)off);
    show("d1", d1);

    int d2 = open(rr_path(dir, "d2"), O_CREAT | O_RDWR, 0600);
    loff_t in = 10, out = 0;
    n = copy_file_range(src, &in, d2, &out, 9, 0);
    printf("copy_file_range: %zd in=%lld out=%lld\n", n, (long long)in, (long long)out);
    show("d2", d2);

    int p[2], q[2];
    CHECK(pipe(p) == 0 && pipe(q) == 0, "pipe");
    loff_t soff = 20;
    n = splice(src, &soff, p[1], NULL, 10, 0);
    printf("splice file->pipe: %zd\n", n);
    n = tee(p[0], q[1], 10, 0);
    printf("tee: %zd\n", n);
    int d3 = open(rr_path(dir, "d3"), O_CREAT | O_RDWR, 0600);
    n = splice(p[0], NULL, d3, NULL, 10, 0);
    printf("splice pipe->file: %zd\n", n);
    show("d3", d3);
    char buf[16] = {0};
    n = read(q[0], buf, sizeof buf - 1);
    printf("tee copy: %zd '%s'\n", n, buf);

    struct iovec iov = {"vmspliced", 9};
    n = vmsplice(q[1], &iov, 1, 0);
    memset(buf, 0, sizeof buf);
    printf("vmsplice: %zd, read back %zd '%s'\n", n, read(q[0], buf, sizeof buf - 1), buf);
    close(src); close(d1); close(d2); close(d3);
    close(p[0]); close(p[1]); close(q[0]); close(q[1]);
    rr_remove_tree(dir);
    return 0;
}
