/* fc_fifo: mkfifo in a fresh directory; a forked writer sends lines, the reader counts them until
 * end of file; opening the FIFO O_WRONLY|O_NONBLOCK with no reader fails with ENXIO.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>

int main(void) {
    char *dir = rr_make_tempdir();
    const char *path = rr_path(dir, "fifo");
    CHECK(mkfifo(path, 0600) == 0, "mkfifo");
    errno = 0;
    int w = open(path, O_WRONLY | O_NONBLOCK);
    printf("writer without reader: %d %s\n", w, strerrorname_np(errno));
    fflush(stdout);
    pid_t p = fork();
    CHECK(p >= 0, "fork");
    if (p == 0) {
        FILE *f = fopen(path, "w");
        CHECK(f != NULL, "fopen");
        for (int i = 0; i < 50; i++) fprintf(f, "line %d\n", i);
        fclose(f);
        _exit(0);
    }
    FILE *f = fopen(path, "r");
    CHECK(f != NULL, "fopen r");
    char line[64];
    int lines = 0;
    while (fgets(line, sizeof line, f)) lines++;
    fclose(f);
    int st;
    waitpid(p, &st, 0);
    printf("read %d lines, last '%s'", lines, line);
    rr_remove_tree(dir);
    return 0;
}
