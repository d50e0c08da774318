/* Recursion: factorial(5) calls factorial(4) ... factorial(1); the returns pair with their calls
 * by stack pointer: factorial(1) => 1, (2) => 2, (3) => 6, (4) => 24, (5) => 120. */
#include <stdio.h>

long factorial(int n) {
    if (n <= 1) return 1;
    return n * factorial(n - 1);
}

int main(void) {
    printf("%ld\n", factorial(5));
    return 0;
}
