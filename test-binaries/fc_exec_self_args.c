/* fc_exec_self_args: the program execs itself through /proc/self/exe with extra arguments; the
 * second image prints its argv and exits 3.
 * NONDETERMINISTIC: no
 * expected exit status: 3 */
#include "rr_util.h"

int main(int argc, char **argv) {
    if (argc > 1) {
        for (int i = 1; i < argc; i++) printf("argv[%d] = %s\n", i, argv[i]);
        return 3;
    }
    printf("first image, re-executing\n");
    fflush(stdout);
    char *args[] = {argv[0], "one", "two words", "", "three", NULL};
    execv("/proc/self/exe", args);
    CHECK(0, "execv");
}
