/* fc_int3_self: the program executes int3 itself with a SIGTRAP handler installed, three times;
 * the handler counts and execution continues after the instruction.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>

static volatile sig_atomic_t traps;
static void on_trap(int sig) { (void)sig; traps++; }

int main(void) {
    signal(SIGTRAP, on_trap);
    for (int i = 0; i < 3; i++) {
        __asm__ volatile("int3");
        printf("after int3 %d, traps %d\n", i, traps);
    }
    return 0;
}
