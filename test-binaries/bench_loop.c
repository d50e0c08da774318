/* bench_loop ITER EVENTS: the debugger benchmark's program. Makes EVENTS cheap syscalls (trace
 * length), calls marker() (the breakpoint a reverse-continue runs back to), then runs ITER
 * iterations of a small loop (about 10 instructions each at -O0) with no syscall, then writes.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

volatile long sink;

void marker(void) {
    sink++;
}

int main(int argc, char **argv) {
    long iterations = argc > 1 ? atol(argv[1]) : 1000;
    long events = argc > 2 ? atol(argv[2]) : 100;
    for (long i = 0; i < events; i++)
        sink += getppid();
    marker();
    for (long i = 0; i < iterations; i++)
        sink += i * i;
    printf("done %ld %ld\n", iterations, events);
    return 0;
}
