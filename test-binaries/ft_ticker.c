/* Prints "tick N" lines steadily (argv[1] lines, argv[2] ms apart; argv[3] KB read from
 * /dev/urandom per line, incompressible trace data) for the tests that kill the recorder mid-way
 * or fill its disk, and replay what it kept. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char noise[1 << 20];

int main(int argc, char **argv) {
    int lines = argc > 1 ? atoi(argv[1]) : 200;
    int ms = argc > 2 ? atoi(argv[2]) : 20;
    int kb = argc > 3 ? atoi(argv[3]) : 0;
    if (kb * 1024 > (int)sizeof noise) kb = sizeof noise / 1024;
    int rnd = kb > 0 ? open("/dev/urandom", O_RDONLY) : -1;
    char buf[64];
    unsigned long sum = 0;
    for (int i = 1; i <= lines; i++) {
        if (rnd >= 0 && read(rnd, noise, kb * 1024) < 0) return 2;
        for (int k = 0; k < 1000; k++) sum += (unsigned long)k * i + (unsigned char)noise[k];
        int n = snprintf(buf, sizeof buf, "tick %d %lu\n", i, sum % 1000);
        if (write(1, buf, n) != n) return 1;
        struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
        nanosleep(&ts, NULL);
    }
    return 0;
}
