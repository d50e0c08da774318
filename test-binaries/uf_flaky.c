/* uf_flaky: a test that fails now and then: exits 1 when a random byte is below 64 (about one
 * run in four), else 0 — what `jrrtui record --until-fail` is for.
 * NONDETERMINISTIC: yes */
#include <stdio.h>
#include <sys/random.h>

int main(void) {
    unsigned char b;
    if (getrandom(&b, 1, 0) != 1) return 2;
    printf("drew %u: %s\n", b, b < 64 ? "FAIL" : "pass");
    return b < 64 ? 1 : 0;
}
