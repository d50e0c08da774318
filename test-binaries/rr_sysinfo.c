/* rr_sysinfo: sysinfo(2) — uptime and memory/load figures that change from run to run — plus
 * /proc/uptime and /proc/loadavg read as files (the last field of /proc/loadavg is the most
 * recently created pid, which differs on every run).
 * NONDETERMINISTIC: yes (uptime, free memory, last pid)
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/sysinfo.h>

static void show_file(const char *path) {
    int fd = open(path, O_RDONLY);
    CHECK(fd >= 0, path);
    char buf[256] = {0};
    ssize_t n = read(fd, buf, sizeof buf - 1);
    CHECK(n > 0, path);
    printf("%s: %s", path, buf);
    close(fd);
}

int main(void) {
    struct sysinfo si;
    CHECK(sysinfo(&si) == 0, "sysinfo");
    printf("uptime s: %ld\n", si.uptime);
    printf("totalram: %lu freeram: %lu bufferram: %lu unit: %u\n", si.totalram, si.freeram,
           si.bufferram, si.mem_unit);
    printf("loads: %lu %lu %lu procs: %u\n", si.loads[0], si.loads[1], si.loads[2], si.procs);
    show_file("/proc/uptime");
    show_file("/proc/loadavg");
    printf("nprocs conf %d onln %d\n", get_nprocs_conf(), get_nprocs());
    return 0;
}
