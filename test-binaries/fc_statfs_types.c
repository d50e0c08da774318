/* fc_statfs_types: statfs/fstatfs report the file-system type of /proc, a pipe (pipefs) and
 * /dev/shm (tmpfs) as magic numbers; only the types are printed.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/vfs.h>

static const char *kind(long t) {
    switch (t) {
    case 0x9fa0: return "proc";
    case 0x50495045: return "pipefs";
    case 0x01021994: return "tmpfs";
    default: return "other";
    }
}

int main(void) {
    struct statfs s;
    CHECK(statfs("/proc", &s) == 0, "statfs /proc");
    printf("/proc: %s\n", kind(s.f_type));
    int p[2];
    CHECK(pipe(p) == 0, "pipe");
    CHECK(fstatfs(p[0], &s) == 0, "fstatfs pipe");
    printf("pipe: %s\n", kind(s.f_type));
    if (statfs("/dev/shm", &s) == 0) printf("/dev/shm: %s\n", kind(s.f_type));
    errno = 0;
    int r = statfs("/no/such/dir", &s);
    printf("missing: %d %s\n", r, strerrorname_np(errno));
    return 0;
}
