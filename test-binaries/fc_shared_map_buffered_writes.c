/* fc_shared_map_buffered_writes: a process maps a file MAP_SHARED and writable, then makes many
 * small write(2)s to another regular file (which the syscall buffer may take without a stop) and a
 * few to the mapped file itself through a second descriptor; the mapping shows the latter. Also a
 * forked child writes into the mapped file.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include "rr_util.h"

int main(void) {
    char *dir = rr_make_tempdir();
    int fd;
    char *m = rr_map_new_file(rr_path(dir, "mapped"), 4096, &fd);
    int log = open(rr_path(dir, "log"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    CHECK(log >= 0, "open log");
    int again = open(rr_path(dir, "mapped"), O_WRONLY);
    CHECK(again >= 0, "open mapped again");
    char line[32];
    for (int i = 0; i < 20000; i++) {
        int n = snprintf(line, sizeof line, "line %d\n", i);
        CHECK(write(log, line, n) == n, "write log");
        if (i % 5000 == 0) {
            CHECK(lseek(again, i / 50, SEEK_SET) == i / 50, "lseek");
            CHECK(write(again, line, n - 1) == n - 1, "write mapped");
            printf("after line %d the mapping holds at %d: %.*s\n", i, i / 50, n - 1, m + i / 50);
        }
    }
    fflush(stdout);
    pid_t child = fork();
    CHECK(child >= 0, "fork");
    if (child == 0) {
        CHECK(lseek(again, 3000, SEEK_SET) == 3000, "child lseek");
        CHECK(write(again, "child", 5) == 5, "child write");
        _exit(0);
    }
    int status;
    CHECK(waitpid(child, &status, 0) == child, "waitpid");
    printf("child %d; the mapping holds at 3000: %.5s; log is %ld bytes\n", WEXITSTATUS(status), m + 3000,
           (long)lseek(log, 0, SEEK_CUR));
    rr_remove_tree(dir);
    return 0;
}
