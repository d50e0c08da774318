/* fc_ioctl_ioc: ioctls jrrtui has no table entry for, recorded from the direction and size in
 * their _IOC bits: FS_IOC_GETFLAGS and FS_IOC_GETVERSION on a file, BLKGETSIZE64 on a file
 * (ENOTTY), an invented _IOR request on /dev/null.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>

int main(void) {
    int fd = open("/proc/self/exe", O_RDONLY);
    CHECK(fd >= 0, "open");
    long flags = -1;
    errno = 0;
    int r = ioctl(fd, FS_IOC_GETFLAGS, &flags);
    printf("FS_IOC_GETFLAGS %d %s\n", r, r == 0 ? "ok" : strerrorname_np(errno));
    int version = -1;
    errno = 0;
    r = ioctl(fd, FS_IOC_GETVERSION, &version);
    printf("FS_IOC_GETVERSION %d %s\n", r, r == 0 ? "ok" : strerrorname_np(errno));
    unsigned long long size = 7;
    errno = 0;
    r = ioctl(fd, BLKGETSIZE64, &size);
    printf("BLKGETSIZE64 %d %s size %llu\n", r, strerrorname_np(errno), size);
    int dn = open("/dev/null", O_RDONLY);
    char buf[24] = {0};
    errno = 0;
    r = ioctl(dn, _IOR('z', 0x42, char[24]), buf);
    printf("invented _IOR %d %s\n", r, strerrorname_np(errno));
    return 0;
}
