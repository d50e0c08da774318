/* fc_splice_tee: data moved between pipes without copies: tee duplicates a pipe's content into a
 * second pipe, splice moves it on; both ends read the same text.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>

int main(void) {
    int a[2], b[2], c[2];
    CHECK(pipe(a) == 0 && pipe(b) == 0 && pipe(c) == 0, "pipe");
    CHECK(write(a[1], "spliced text", 12) == 12, "write");
    printf("tee %zd\n", tee(a[0], b[1], 64, 0));
    printf("splice %zd\n", splice(a[0], NULL, c[1], NULL, 64, 0));
    char x[16] = {0}, y[16] = {0};
    read(b[0], x, sizeof x - 1);
    read(c[0], y, sizeof y - 1);
    printf("'%s' '%s'\n", x, y);
    return 0;
}
