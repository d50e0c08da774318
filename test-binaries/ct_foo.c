/* The Delve call-trace example: jrrtui trace '^foo$' prints ("[]" stands for "[tid T ev E]")
 * foo: > [] foo(x=99, y=9801)
 * foo: >> [] foo => 9900
 * and main prints "9900". */
#include <stdio.h>

int foo(int x, int y) {
    int z = x + y;
    return z;
}

int main(void) {
    printf("%d\n", foo(99, 9801));
    return 0;
}
