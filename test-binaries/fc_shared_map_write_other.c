/* fc_shared_map_write_other: a parent maps a file MAP_SHARED and writable; its forked child drops
 * its inherited mapping and then changes the file with write(2). The parent's mapping shows the
 * change. Recording refuses the child's write (the parent's mapping could not be recorded with it);
 * RecordReplayTest expects that one-line refusal.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include "rr_util.h"
#include <sys/wait.h>

int main(void) {
    char *dir = rr_make_tempdir();
    const char *path = rr_path(dir, "other");
    int fd;
    char *m = rr_map_new_file(path, 4096, &fd);
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
