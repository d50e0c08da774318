/* fc_kcmp: kcmp compares kernel objects of processes: a descriptor and its dup are the same file,
 * two opens are not; the process's own VM against itself.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/syscall.h>

#define KCMP_FILE 0
#define KCMP_VM 1

int main(void) {
    int a = open("/dev/null", O_RDONLY), b = dup(a), c = open("/dev/null", O_RDONLY);
    CHECK(a >= 0 && b >= 0 && c >= 0, "open");
    pid_t me = getpid();
    errno = 0;
    long same = syscall(SYS_kcmp, me, me, KCMP_FILE, a, b);
    long diff = syscall(SYS_kcmp, me, me, KCMP_FILE, a, c);
    long vm = syscall(SYS_kcmp, me, me, KCMP_VM, 0, 0);
    printf("dup: %ld, other open: %s, vm: %ld errno=%s\n", same, diff == 0 ? "same" : "different", vm,
           strerrorname_np(errno));
    return 0;
}
