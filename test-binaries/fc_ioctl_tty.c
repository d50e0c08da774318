/* fc_ioctl_tty: terminal and serial ioctls on a pseudo-terminal: TIOCGPTN, TCGETS, TIOCGWINSZ
 * after TIOCSWINSZ, TIOCMGET (0x5415, which a pty refuses), TIOCOUTQ, FIONREAD after a write,
 * TIOCGEXCL (an _IOC-encoded request), TCGETA.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termio.h>
#include <termios.h>

static void rc(const char *what, int r) {
    printf("%-12s %s\n", what, r == 0 ? "ok" : strerrorname_np(errno));
}

int main(void) {
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0) {
        printf("no pty: %s\n", strerrorname_np(errno));
        return 0;
    }
    CHECK(grantpt(m) == 0 && unlockpt(m) == 0, "grantpt");
    unsigned ptn = 0;
    rc("TIOCGPTN", ioctl(m, TIOCGPTN, &ptn));
    int s = open(ptsname(m), O_RDWR | O_NOCTTY);
    CHECK(s >= 0, "open slave");
    struct termios t;
    rc("TCGETS", ioctl(s, TCGETS, &t));
    printf("icanon %d echo %d\n", !!(t.c_lflag & ICANON), !!(t.c_lflag & ECHO));
    struct winsize w = {.ws_row = 33, .ws_col = 101};
    rc("TIOCSWINSZ", ioctl(m, TIOCSWINSZ, &w));
    memset(&w, 0, sizeof w);
    rc("TIOCGWINSZ", ioctl(s, TIOCGWINSZ, &w));
    printf("size %dx%d\n", w.ws_row, w.ws_col);
    int bits = 0;
    errno = 0;
    rc("TIOCMGET", ioctl(s, TIOCMGET, &bits));
    int q = -1;
    rc("TIOCOUTQ", ioctl(s, TIOCOUTQ, &q));
    CHECK(write(s, "hello\n", 6) == 6, "write");
    int avail = -1;
    rc("FIONREAD", ioctl(m, FIONREAD, &avail));
    printf("master has %d bytes\n", avail);
    int excl = -1;
    rc("TIOCGEXCL", ioctl(s, TIOCGEXCL, &excl));
    printf("exclusive %d\n", excl);
    struct termio old;
    rc("TCGETA", ioctl(s, TCGETA, &old));
    printf("termio lflag icanon %d\n", !!(old.c_lflag & ICANON));
    return 0;
}
