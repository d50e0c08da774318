/* fc_seccomp_filter: the program installs its own seccomp filter making getppid fail with EPERM
 * and uname fail with ENOTSUP; other calls still work. Recorded, the filter acts; on replay the
 * recorded answers come back.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/utsname.h>

int main(void) {
    struct sock_filter code[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_uname, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOTSUP),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {sizeof code / sizeof code[0], code};
    CHECK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0, "NO_NEW_PRIVS");
    CHECK(syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0, "seccomp");
    errno = 0;
    long r = syscall(SYS_getppid);
    printf("getppid: %ld errno=%s\n", r, strerrorname_np(errno));
    struct utsname u;
    errno = 0;
    printf("uname: %d errno=%s\n", uname(&u), strerrorname_np(errno));
    printf("getpid works: %d\n", getpid() > 0);
    printf("seccomp mode: %d\n", prctl(PR_GET_SECCOMP, 0, 0, 0, 0));
    return 0;
}
