/* rr_abort: death by signal: prints a line, flushes, then abort() (raise(SIGABRT) via tgkill;
 * glibc blocks/unblocks signals and may reset the handler). The recorder must report the same
 * termination: killed by SIGABRT (shell status 134). No core dump is requested.
 * NONDETERMINISTIC: no
 * expected exit status: 134 (128 + SIGABRT) */
#include "rr_util.h"
#include <sys/resource.h>

int main(void) {
    struct rlimit nocore = {0, 0};
    setrlimit(RLIMIT_CORE, &nocore);
    printf("about to abort\n");
    fprintf(stderr, "stderr before abort\n");
    fflush(stdout);
    abort();
}
