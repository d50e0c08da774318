/* fc_shared_file_alias: several MAP_SHARED mappings of one file (and of one memfd) in one process
 * alias each other: a write through one shows through the others (a read-only view included),
 * one mapping unmapped leaves the others coherent, pwrite, write and fallocate show in every view, and a
 * forked child's write through an inherited view shows in the parent's own later view.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>

static void check_file(int fd, long page, const char *what) {
    CHECK(ftruncate(fd, 3 * page) == 0, "ftruncate");
    char *a = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *ro = mmap(NULL, page, PROT_READ, MAP_SHARED, fd, page);
    char *c = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 2 * page);
    CHECK(a != MAP_FAILED && ro != MAP_FAILED && c != MAP_FAILED, "mmap");
    strcpy(a + page + 5, "written via the whole-file view");
    printf("%s: read-only view sees: %s\n", what, ro + 5);
    strcpy(c + 7, "written via the last-page view");
    printf("%s: whole-file view sees: %s\n", what, a + 2 * page + 7);
    CHECK(munmap(a, 3 * page) == 0, "munmap");
    char *d = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 2 * page);
    CHECK(d != MAP_FAILED, "mmap d");
    printf("%s: new view of the last page sees: %s\n", what, d + 7);
    d[100] = 'D';
    printf("%s: old view sees the new one's write: %c\n", what, c[100]);
    CHECK(pwrite(fd, "pwritten", 8, 2 * page + 200) == 8, "pwrite");
    printf("%s: pwrite shows in both views: %.8s %.8s\n", what, c + 200, d + 200);
    CHECK(lseek(fd, 2 * page + 250, SEEK_SET) == 2 * page + 250 && write(fd, "plain write", 11) == 11, "write");
    printf("%s: write(2) shows in both views: %.11s %.11s\n", what, c + 250, d + 250);
    CHECK(fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 2 * page, page) == 0, "punch hole");
    printf("%s: after punching a hole: c[7]=%d d[100]=%d\n", what, c[7], d[100]);
    pid_t child = fork();
    CHECK(child >= 0, "fork");
    if (child == 0) {
        strcpy(c + 300, "written by the child");
        _exit(0);
    }
    int status;
    CHECK(waitpid(child, &status, 0) == child, "waitpid");
    char *e = mmap(NULL, page, PROT_READ, MAP_SHARED, fd, 2 * page);
    CHECK(e != MAP_FAILED, "mmap e");
    printf("%s: the child's write, seen through a view made after it: %s\n", what, e + 300);
    printf("%s: hash %016llx\n", what, (unsigned long long)rr_fnv(RR_FNV_INIT, d, page));
    munmap(ro, page);
    munmap(c, page);
    munmap(d, page);
    munmap(e, page);
}

int main(void) {
    long page = sysconf(_SC_PAGESIZE);
    char *dir = rr_make_tempdir();
    int fd = open(rr_path(dir, "aliased"), O_RDWR | O_CREAT, 0600);
    CHECK(fd >= 0, "open");
    check_file(fd, page, "file");
    close(fd);
    rr_remove_tree(dir);
    int mfd = memfd_create("fc_shared_file_alias", MFD_CLOEXEC);
    CHECK(mfd >= 0, "memfd_create");
    check_file(mfd, page, "memfd");
    close(mfd);
    return 0;
}
