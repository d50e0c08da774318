/* Tail calls: at -O2 relay() ends in "jmp leaf", so leaf's frame replaces relay's and both
 * return together; jrrtui trace '^(relay|leaf)$' on ct_tail-O2 prints:
 * tail: > [] relay(x=4)
 * tail:   > [] leaf(x=5)
 * tail:   >> [] leaf => 15
 * tail: >> [] relay => 15 (tail call)
 * Nested calls: jrrtui trace '^outer$' --follow-calls 2 (on ct_tail) prints:
 * follow: > [] outer(v=2)
 * follow:   > [] inner(v=2)
 * follow:   >> [] inner => 4
 * follow:   > [] inner(v=3)
 * follow:   >> [] inner => 6
 * follow: >> [] outer => 12
 * Prints "15 12". */
#include <stdio.h>

__attribute__((noinline)) int leaf(int x) { return x * 3; }
__attribute__((noinline)) int relay(int x) { return leaf(x + 1); }

__attribute__((noinline)) int inner(int v) { return v * 2; }
__attribute__((noinline)) int outer(int v) { return inner(v) + inner(v + 1) + 2; }

int main(int argc, char **argv) {
    (void) argv;
    int r = relay(argc + 3);
    int o = outer(argc + 1);
    printf("%d %d\n", r, o);
    return 0;
}
