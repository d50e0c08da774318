/* fc_admin_calls: administration calls a program may probe: acct(NULL), quotactl(Q_GETFMT),
 * syslog(SIZE_BUFFER), fsopen("tmpfs"), open_tree, fanotify_init, name_to_handle_at, setns on a
 * bad fd. Each prints its result or errno; none changes the machine.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/quota.h>
#include <sys/syscall.h>

static void show(const char *what, long r) {
    printf("%-20s %s errno=%s\n", what, r < 0 ? "failed" : "ok", r < 0 ? strerrorname_np(errno) : "0");
}

int main(void) {
    errno = 0; show("acct(NULL)", syscall(SYS_acct, NULL));
    int fmt = 0;
    errno = 0; show("quotactl GETFMT", syscall(SYS_quotactl, QCMD(Q_GETFMT, USRQUOTA), "/", 0, &fmt));
    errno = 0; show("syslog size", syscall(SYS_syslog, 10, NULL, 0));
    errno = 0; long fs = syscall(SYS_fsopen, "tmpfs", 0); show("fsopen tmpfs", fs);
    if (fs >= 0) close(fs);
    errno = 0; long t = syscall(SYS_open_tree, AT_FDCWD, "/tmp", 1 /* OPEN_TREE_CLONE */); show("open_tree", t);
    if (t >= 0) close(t);
    errno = 0; long fa = syscall(SYS_fanotify_init, 0, 0); show("fanotify_init", fa);
    if (fa >= 0) close(fa);
    struct { unsigned int bytes; int type; unsigned char h[128]; } fh = {128, 0, {0}};
    int mount_id = -1;
    errno = 0; long nh = syscall(SYS_name_to_handle_at, AT_FDCWD, "/", &fh, &mount_id, 0);
    show("name_to_handle_at", nh);
    if (nh == 0) printf("handle bytes %u\n", fh.bytes);
    errno = 0; show("setns bad fd", syscall(SYS_setns, -1, 0));
    return 0;
}
