/* rr_random_branch: control flow driven by randomness: a loop whose iteration count comes from a
 * getrandom byte, each iteration taking one of two branches on a further random bit and making a
 * syscall (getppid) only on one branch, so a replay that injected a different random value would
 * diverge in its syscall sequence. Prints the counts.
 * NONDETERMINISTIC: yes (random counts; about 1 in 256*... chance of a repeat)
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/random.h>

int main(void) {
    unsigned char seed[2];
    CHECK(getrandom(seed, sizeof seed, 0) == sizeof seed, "getrandom");
    int iterations = 10 + seed[0] + 256 * (seed[1] & 3);
    int syscalls = 0, quiet = 0;
    for (int i = 0; i < iterations; i++) {
        unsigned char bit;
        CHECK(getrandom(&bit, 1, 0) == 1, "getrandom bit");
        if (bit & 1) {
            syscalls += getppid() > 0;
        } else {
            quiet++;
        }
    }
    printf("iterations=%d syscall-branch=%d quiet-branch=%d\n", iterations, syscalls, quiet);
    return 0;
}
