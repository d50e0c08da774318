/* Tail calls: at -O2 relay() ends in "jmp leaf", so leaf's frame replaces relay's and both
 * return together: relay(x=4) -> leaf(x=5) => 15, relay => 15. Nested calls: outer(2) calls
 * inner(2) and inner(3) (for --follow-calls). Prints "15 12". */
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
