/* rr_ioctl_tty: terminal ioctls on stdin and stdout: TIOCGWINSZ, TCGETS (tcgetattr), isatty,
 * FIONREAD on a pipe. Without a terminal each prints the errno (ENOTTY or EINVAL), with one it
 * prints the window size and flags.
 * NONDETERMINISTIC: no (for the same stdin/stdout; a terminal's size is printed if there is one)
 * stdin: anything (/dev/null, a file or a terminal)
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/ioctl.h>
#include <termios.h>

static void probe(const char *name, int fd) {
    struct winsize ws;
    errno = 0;
    if (ioctl(fd, TIOCGWINSZ, &ws) == 0)
        printf("%s TIOCGWINSZ: %d rows %d cols\n", name, ws.ws_row, ws.ws_col);
    else
        printf("%s TIOCGWINSZ: errno=%s\n", name, strerrorname_np(errno));
    struct termios t;
    errno = 0;
    if (tcgetattr(fd, &t) == 0)
        printf("%s TCGETS: ICANON=%d ECHO=%d\n", name, (t.c_lflag & ICANON) != 0, (t.c_lflag & ECHO) != 0);
    else
        printf("%s TCGETS: errno=%s\n", name, strerrorname_np(errno));
    printf("%s isatty: %d\n", name, isatty(fd));
}

int main(void) {
    probe("stdin", 0);
    fflush(stdout);
    probe("stdout", 1);
    int p[2];
    CHECK(pipe(p) == 0, "pipe");
    CHECK(write(p[1], "12345", 5) == 5, "write");
    int avail = -1;
    CHECK(ioctl(p[0], FIONREAD, &avail) == 0, "FIONREAD");
    printf("FIONREAD on pipe: %d\n", avail);
    return 0;
}
