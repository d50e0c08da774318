/* rr_affinity: CPU placement: sched_getaffinity (count of allowed CPUs), sched_setaffinity pinning
 * to the lowest allowed CPU, then getcpu via the raw syscall and sched_getcpu (both must report the
 * pinned CPU), sched_getscheduler, sched_yield, getpriority/nice.
 * NONDETERMINISTIC: no (pinning makes the current CPU fixed)
 * expected exit status: 0 */
#include "rr_util.h"
#include <sched.h>
#include <sys/resource.h>
#include <sys/syscall.h>

int main(void) {
    cpu_set_t set;
    CHECK(sched_getaffinity(0, sizeof set, &set) == 0, "sched_getaffinity");
    int first = -1;
    for (int i = 0; i < CPU_SETSIZE; i++)
        if (CPU_ISSET(i, &set)) { first = i; break; }
    printf("allowed cpus: %d, lowest %d\n", CPU_COUNT(&set), first);
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(first, &one);
    CHECK(sched_setaffinity(0, sizeof one, &one) == 0, "sched_setaffinity");
    CHECK(sched_yield() == 0, "sched_yield");
    unsigned cpu = 999, node = 999;
    CHECK(syscall(SYS_getcpu, &cpu, &node, NULL) == 0, "getcpu");
    printf("getcpu after pinning: cpu %u node %u\n", cpu, node);
    printf("sched_getcpu: %d\n", sched_getcpu());
    CHECK(sched_getaffinity(0, sizeof set, &set) == 0, "sched_getaffinity");
    printf("allowed cpus after pinning: %d\n", CPU_COUNT(&set));
    printf("scheduler: %d (SCHED_OTHER=%d)\n", sched_getscheduler(0), SCHED_OTHER);
    errno = 0;
    int prio = getpriority(PRIO_PROCESS, 0);
    printf("priority: %d, after nice(1): %d\n", prio, nice(1));
    return 0;
}
