/* Benchmark for jrrtui trace: calls work() N times (argv[1], default 10000) and prints the sum. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((noinline)) long work(long i) { return (i * 7) ^ (i >> 3); }

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 10000;
    long sum = 0;
    for (long i = 0; i < n; i++) sum += work(i);
    printf("%ld\n", sum);
    return 0;
}
