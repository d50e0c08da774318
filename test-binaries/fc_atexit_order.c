/* fc_atexit_order: atexit and on_exit handlers run in reverse order of registration with the
 * exit status; stdout is flushed after them.
 * NONDETERMINISTIC: no
 * expected exit status: 4 */
#include "rr_util.h"

static void first(void) { printf("atexit first (runs last)\n"); }
static void second(void) { printf("atexit second\n"); }
static void with_status(int status, void *arg) { printf("on_exit: status %d, arg %s\n", status, (char *)arg); }

int main(void) {
    atexit(first);
    on_exit(with_status, "hello");
    atexit(second);
    printf("main returns 4 (buffered)\n");
    exit(4);
}
