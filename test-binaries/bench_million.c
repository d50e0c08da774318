/* bench_million [N] [SPIN]: the scale benchmark's program (ScaleBench). Makes N cheap syscalls
 * (getppid; default 1,000,000, so about a million events), each followed by SPIN iterations of a
 * busy loop (default 1500: the run lasts several seconds natively). Every iteration writes
 * `counter`; every 100th calls tick(), the function a breakpoint goes in.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

volatile long counter;
volatile long ticks;
volatile long sink;

void tick(long i) {
    ticks++;
    sink += i;
}

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    long spin = argc > 2 ? atol(argv[2]) : 1500;
    for (long i = 0; i < n; i++) {
        sink += getppid();
        for (volatile long k = 0; k < spin; k++)
            ;
        counter = counter + 1;
        if (i % 100 == 0)
            tick(i);
    }
    printf("counter=%ld ticks=%ld\n", counter, ticks);
    return 0;
}
