/* fc_shared_map_write_other: a parent maps a file MAP_SHARED and writable; its forked child drops
 * its inherited mapping and then changes the file with write(2). The parent's mapping shows the
 * change. Recording refuses the child's write (the parent's mapping could not be recorded with it);
 * RecordReplayTest expects that one-line refusal.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>

int main(void) {
    char *dir = rr_make_tempdir();
    const char *path = rr_path(dir, "other");
    int fd = open(path, O_RDWR | O_CREAT, 0600);
    CHECK(fd >= 0, "open");
    CHECK(ftruncate(fd, 4096) == 0, "ftruncate");
    char *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(m != MAP_FAILED, "mmap");
    fflush(stdout);
    pid_t child = fork();
    CHECK(child >= 0, "fork");
    if (child == 0) {
        CHECK(munmap(m, 4096) == 0, "child munmap");
        const char b[] = "written by the child, which maps nothing";
        CHECK(pwrite(fd, b, sizeof b, 0) == (ssize_t)sizeof b, "pwrite");
        _exit(0);
    }
    int status;
    CHECK(waitpid(child, &status, 0) == child, "waitpid");
    printf("status %d; the parent's mapping: %s\n", WEXITSTATUS(status), m);
    munmap(m, 4096);
    close(fd);
    rr_remove_tree(dir);
    return 0;
}
