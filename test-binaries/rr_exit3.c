/* rr_exit3: a non-zero exit status from main, after output on both stdout and stderr and an
 * atexit handler that prints (stdio buffers flushed by exit).
 * NONDETERMINISTIC: no
 * expected exit status: 3 */
#include "rr_util.h"

static void bye(void) { printf("atexit handler ran\n"); }

int main(void) {
    atexit(bye);
    printf("returning 3 from main\n");
    fprintf(stderr, "a line on stderr\n");
    return 3;
}
