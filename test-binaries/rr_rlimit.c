/* rr_rlimit: resource limits: getrlimit, setrlimit lowering RLIMIT_NOFILE's soft limit and
 * observing EMFILE, prlimit(0, ...) read of RLIMIT_STACK/AS/CORE, getrusage fields that are
 * deterministic (counts of voluntary context switches vary, so only sanity is printed).
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/resource.h>

static void show(const char *name, int res) {
    struct rlimit r;
    CHECK(getrlimit(res, &r) == 0, "getrlimit");
    printf("%s: soft=%lld hard=%lld\n", name, r.rlim_cur == RLIM_INFINITY ? -1LL : (long long)r.rlim_cur,
           r.rlim_max == RLIM_INFINITY ? -1LL : (long long)r.rlim_max);
}

int main(void) {
    show("NOFILE", RLIMIT_NOFILE);
    show("STACK", RLIMIT_STACK);
    show("CORE", RLIMIT_CORE);
    show("AS", RLIMIT_AS);
    struct rlimit old, lim = {0, 0};
    CHECK(prlimit(0, RLIMIT_NOFILE, NULL, &old) == 0, "prlimit get");
    lim.rlim_max = old.rlim_max;
    lim.rlim_cur = 8;
    CHECK(setrlimit(RLIMIT_NOFILE, &lim) == 0, "setrlimit");
    int opened = 0, fd;
    while ((fd = open("/dev/null", O_RDONLY)) >= 0)
        opened++;
    printf("opened %d more fds with soft limit 8, then errno=%s\n", opened, strerrorname_np(errno));
    struct rlimit prev;
    CHECK(prlimit(0, RLIMIT_NOFILE, &old, &prev) == 0, "prlimit set");
    printf("prlimit returned previous soft=%lld\n", (long long)prev.rlim_cur);
    struct rusage ru;
    CHECK(getrusage(RUSAGE_SELF, &ru) == 0, "getrusage");
    printf("rusage maxrss positive: %s\n", ru.ru_maxrss > 0 ? "yes" : "no");
    return 0;
}
