/* par_catch: the fixture for catchpoints (CatchOracleTest compares jrrtui's catch syscall/signal and
 * handle with gdb's on the same binary): a read of its own file (buffered in-process when recorded
 * with the syscall buffer), writes, getpid calls and two SIGUSR1s with a handler.
 * Prints "tick 0".."tick 2" and "handled 2". NONDETERMINISTIC: no. Exit status: 0 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t handled;

static void on_usr1(int sig) {
    handled += sig == SIGUSR1;
}

static void tick(int i) {
    char line[32];
    int n = snprintf(line, sizeof line, "tick %d\n", i);
    write(1, line, n);
}

int main(int argc, char **argv) {
    char magic[4];
    int fd = open(argv[0], O_RDONLY);
    if (fd < 0 || read(fd, magic, sizeof magic) != (ssize_t) sizeof magic) return 1;
    close(fd);
    signal(SIGUSR1, on_usr1);
    for (int i = 0; i < 3; i++) {
        tick(i);
        if (i != 1) raise(SIGUSR1);
        getpid();
    }
    printf("handled %d\n", (int) handled);
    return 0;
}
