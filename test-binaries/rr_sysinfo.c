/* rr_sysinfo: sysinfo(2) — uptime and memory/load figures that change from run to run — plus
 * /proc/uptime read as a file.
 * NONDETERMINISTIC: yes (uptime, free memory)
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/sysinfo.h>

int main(void) {
    struct sysinfo si;
    CHECK(sysinfo(&si) == 0, "sysinfo");
    printf("uptime s: %ld\n", si.uptime);
    printf("totalram: %lu freeram: %lu bufferram: %lu unit: %u\n", si.totalram, si.freeram,
           si.bufferram, si.mem_unit);
    printf("loads: %lu %lu %lu procs: %u\n", si.loads[0], si.loads[1], si.loads[2], si.procs);
    int fd = open("/proc/uptime", O_RDONLY);
    CHECK(fd >= 0, "open /proc/uptime");
    char buf[128] = {0};
    ssize_t n = read(fd, buf, sizeof buf - 1);
    CHECK(n > 0, "read /proc/uptime");
    printf("/proc/uptime: %s", buf);
    close(fd);
    printf("nprocs conf %d onln %d\n", get_nprocs_conf(), get_nprocs());
    return 0;
}
