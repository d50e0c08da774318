/* fc_shared_map_write_covered: a parent maps a file MAP_SHARED and writable and forks; the child,
 * through its inherited mapping's file, changes the file with pwrite and write(2) (not through
 * memory). The parent's mapping shows both changes.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include "rr_util.h"
#include <sys/wait.h>

int main(void) {
    char *dir = rr_make_tempdir();
    const char *path = rr_path(dir, "covered");
    int fd;
    char *m = rr_map_new_file(path, 8192, &fd);
    strcpy(m, "the parent's text");
    fflush(stdout);
    pid_t child = fork();
    CHECK(child >= 0, "fork");
    if (child == 0) {
        const char a[] = "pwritten by the child";
        CHECK(pwrite(fd, a, sizeof a, 4096) == (ssize_t)sizeof a, "pwrite");
        int own = open(path, O_WRONLY);
        CHECK(own >= 0, "child open");
        CHECK(lseek(own, 100, SEEK_SET) == 100, "lseek");
        const char b[] = "written by the child with write(2)";
        CHECK(write(own, b, sizeof b) == (ssize_t)sizeof b, "write");
        close(own);
        _exit(0);
    }
    int status;
    CHECK(waitpid(child, &status, 0) == child, "waitpid");
    printf("status %d; the parent's mapping: [%s] [%s] [%s]\n", WEXITSTATUS(status), m, m + 100, m + 4096);
    munmap(m, 8192);
    close(fd);
    rr_remove_tree(dir);
    return 0;
}
