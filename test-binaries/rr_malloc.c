/* rr_malloc: heap growth: many small malloc blocks (brk, via sbrk(0) before/after), big blocks
 * (mmap threshold), realloc growth, free, calloc zeroing, and raw brk/sbrk. Prints the program
 * break movement and block addresses (stable with ASLR disabled).
 * NONDETERMINISTIC: no (with ASLR disabled)
 * expected exit status: 0 */
#include "rr_util.h"
#include <malloc.h>

int main(void) {
    char *brk0 = sbrk(0);
    void *small[1000];
    for (int i = 0; i < 1000; i++) {
        small[i] = malloc(16 + i % 200);
        memset(small[i], i & 0xff, 16);
    }
    char *brk1 = sbrk(0);
    printf("brk start %p, grew by %ld bytes for small blocks\n", (void *)brk0, (long)(brk1 - brk0));
    printf("small[0] %p small[999] %p\n", small[0], small[999]);

    char *big = malloc(8 << 20);
    CHECK(big != NULL, "malloc big");
    memset(big, 1, 8 << 20);
    printf("big block %p (outside brk heap: %s)\n", (void *)big,
           (big < brk0 || big > (char *)sbrk(0)) ? "yes" : "no");
    char *bigger = realloc(big, 16 << 20);
    CHECK(bigger != NULL, "realloc");
    printf("realloc to 16MB %p, kept data: %s\n", (void *)bigger, bigger[(8 << 20) - 1] == 1 ? "yes" : "no");
    free(bigger);

    int *zeros = calloc(100000, sizeof(int));
    long sum = 0;
    for (int i = 0; i < 100000; i++)
        sum += zeros[i];
    printf("calloc sum: %ld\n", sum);
    free(zeros);
    for (int i = 0; i < 1000; i += 2)
        free(small[i]);
    for (int i = 1; i < 1000; i += 2)
        free(small[i]);
    malloc_trim(0);

    char *cur = sbrk(0);
    CHECK(sbrk(65536) == cur, "sbrk grow");
    cur[65535] = 7;
    printf("raw sbrk grew 64KiB at %p, last byte %d\n", (void *)cur, cur[65535]);
    CHECK(brk(cur) == 0, "brk shrink");
    printf("brk back to %p\n", sbrk(0));
    return 0;
}
