/* fc_file_locks: flock and fcntl record locks between a parent and a forked child: the child's
 * non-blocking attempts fail while the parent holds them, F_GETLK names the holder's range.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>

int main(void) {
    char *dir = rr_make_tempdir();
    const char *f = rr_path(dir, "lock");
    int fd = open(f, O_RDWR | O_CREAT, 0600);
    CHECK(fd >= 0 && write(fd, "0123456789", 10) == 10, "file");
    CHECK(flock(fd, LOCK_EX) == 0, "flock");
    struct flock l = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = 3};
    CHECK(fcntl(fd, F_SETLK, &l) == 0, "F_SETLK");
    pid_t pid = fork();
    if (pid == 0) {
        int c = open(f, O_RDWR);
        errno = 0;
        printf("child flock: %d %s\n", flock(c, LOCK_EX | LOCK_NB), strerrorname_np(errno));
        struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 10};
        fcntl(c, F_GETLK, &q);
        printf("child F_GETLK: type %s start %ld len %ld held by parent %d\n", q.l_type == F_WRLCK ? "write" : "other",
               (long)q.l_start, (long)q.l_len, q.l_pid == getppid());
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    rr_remove_tree(dir);
    return 0;
}
