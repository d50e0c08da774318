/* rr_ids: process identity syscalls: getpid, getppid, gettid, getuid/geteuid/getgid/getegid,
 * getpgrp, getsid, getgroups. Prints raw values.
 * NONDETERMINISTIC: yes (every run gets a new pid)
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/syscall.h>

int main(void) {
    pid_t pid = getpid();
    printf("pid: %d\n", (int)pid);
    printf("ppid: %d\n", (int)getppid());
    printf("tid == pid: %s\n", (pid_t)syscall(SYS_gettid) == pid ? "yes" : "no");
    printf("uid %d euid %d gid %d egid %d\n", (int)getuid(), (int)geteuid(), (int)getgid(),
           (int)getegid());
    printf("pgrp: %d sid: %d\n", (int)getpgrp(), (int)getsid(0));
    gid_t groups[64];
    int n = getgroups(64, groups);
    CHECK(n >= 0, "getgroups");
    printf("groups: %d\n", n);
    return 0;
}
