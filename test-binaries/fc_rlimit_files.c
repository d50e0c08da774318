/* fc_rlimit_files: RLIMIT_NOFILE lowered to 16, then opens until EMFILE; prlimit reads it back;
 * RLIMIT_STACK and getrusage fields that do not depend on timing.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/resource.h>

int main(void) {
    struct rlimit r = {16, 16};
    CHECK(setrlimit(RLIMIT_NOFILE, &r) == 0, "setrlimit");
    int opened = 0;
    while (open("/dev/null", O_RDONLY) >= 0) opened++;
    printf("opened %d more, then %s\n", opened > 0 && opened <= 13, strerrorname_np(errno));
    struct rlimit back;
    CHECK(prlimit(0, RLIMIT_NOFILE, NULL, &back) == 0, "prlimit");
    printf("limit %lu/%lu\n", (unsigned long)back.rlim_cur, (unsigned long)back.rlim_max);
    struct rusage u;
    CHECK(getrusage(RUSAGE_SELF, &u) == 0, "getrusage");
    printf("maxrss positive %d\n", u.ru_maxrss > 0);
    return 0;
}
