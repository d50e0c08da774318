/* Recursion: factorial(5) calls factorial(4) ... factorial(1); the returns pair with their calls
 * by stack pointer. jrrtui trace '^factorial$' prints ("[]" stands for "[tid T ev E]"):
 * fact: > [] factorial(n=5)
 * fact:   > [] factorial(n=4)
 * fact:     > [] factorial(n=3)
 * fact:       > [] factorial(n=2)
 * fact:         > [] factorial(n=1)
 * fact:         >> [] factorial => 1
 * fact:       >> [] factorial => 2
 * fact:     >> [] factorial => 6
 * fact:   >> [] factorial => 24
 * fact: >> [] factorial => 120
 */
#include <stdio.h>

long factorial(int n) {
    if (n <= 1) return 1;
    return n * factorial(n - 1);
}

int main(void) {
    printf("%ld\n", factorial(5));
    return 0;
}
