/* rr_prctl: process attributes: prctl PR_SET_NAME/PR_GET_NAME and /proc/self/comm,
 * PR_GET_DUMPABLE, PR_SET_PDEATHSIG round trip, PR_GET_TSC (natively 1 = PR_TSC_ENABLE; a
 * recorder that sets PR_TSC_SIGSEGV shows 2 unless it hides that; replay must print the same as
 * the recording), umask.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>

int main(void) {
    char name[17] = {0};
    CHECK(prctl(PR_SET_NAME, "rr-prctl-test", 0, 0, 0) == 0, "PR_SET_NAME");
    CHECK(prctl(PR_GET_NAME, name, 0, 0, 0) == 0, "PR_GET_NAME");
    printf("name: %s\n", name);
    int fd = open("/proc/self/comm", O_RDONLY);
    CHECK(fd >= 0, "open comm");
    char comm[32] = {0};
    CHECK(read(fd, comm, sizeof comm - 1) > 0, "read comm");
    close(fd);
    printf("/proc/self/comm: %s", comm);
    printf("dumpable: %d\n", prctl(PR_GET_DUMPABLE, 0, 0, 0, 0));
    CHECK(prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0) == 0, "PR_SET_PDEATHSIG");
    int sig = 0;
    CHECK(prctl(PR_GET_PDEATHSIG, &sig, 0, 0, 0) == 0, "PR_GET_PDEATHSIG");
    printf("pdeathsig: %s\n", sigabbrev_np(sig));
    prctl(PR_SET_PDEATHSIG, 0, 0, 0, 0);
    int tsc = -1;
    int rc = prctl(PR_GET_TSC, &tsc, 0, 0, 0);
    printf("PR_GET_TSC rc=%d mode=%d\n", rc, tsc);
    mode_t old = umask(027);
    printf("umask old %03o, now %03o\n", (unsigned)old, (unsigned)umask(old));
    return 0;
}
