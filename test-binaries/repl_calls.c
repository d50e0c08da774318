/* repl_calls: calls with return values, recursion, a struct, an array and a string, for the
 * command-line tests (finish values, backtraces, up/down, print formats, x/s).
 * add(40, 2) returns 42 (line ADD); fact(5) recurses down to fact(1) (line BASE) with five fact
 * frames below main and returns 120; pt = {x = 3, y = 4}; table = {1, 2, 3, 4}; greeting = "hello".
 * Prints "hello 42 120 7".
 * NONDETERMINISTIC: no
 * expected exit status: 3 */
#include <stdio.h>

struct point {
    int x;
    int y;
};

struct point pt = {3, 4};
const char *greeting = "hello";
int table[4] = {1, 2, 3, 4};

static int add(int a, int b) {
    int sum = a + b; /* ADD */
    return sum;
}

static int fact(int n) {
    if (n <= 1)
        return 1; /* BASE */
    return n * fact(n - 1);
}

int main(void) {
    int r = add(40, 2); /* CALL_ADD */
    int f = fact(5);
    printf("%s %d %d %d\n", greeting, r, f, pt.x + pt.y);
    return 3;
}
