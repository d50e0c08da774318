/* rr_mmap_file: file mappings: a file written with write(), mapped MAP_SHARED (written through the
 * mapping, msync, read back with pread) and MAP_PRIVATE (copy-on-write: the file keeps its
 * contents), plus a read-only mapping of a second file at an offset. Prints contents.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/mman.h>

int main(void) {
    char *dir = rr_make_tempdir();
    long page = sysconf(_SC_PAGESIZE);
    int fd = open(rr_path(dir, "map.bin"), O_CREAT | O_RDWR, 0600);
    CHECK(fd >= 0, "open");
    char *init = malloc(2 * page);
    for (long i = 0; i < 2 * page; i++)
        init[i] = 'a' + i % 26;
    CHECK(write(fd, init, 2 * page) == 2 * page, "write");

    char *shared = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK(shared != MAP_FAILED, "mmap shared");
    printf("shared[0..9]: %.10s\n", shared);
    memcpy(shared + 100, "WRITTEN-THROUGH-MAP", 19);
    CHECK(msync(shared, 2 * page, MS_SYNC) == 0, "msync");
    char buf[32] = {0};
    CHECK(pread(fd, buf, 19, 100) == 19, "pread");
    printf("pread after msync: %s\n", buf);

    char *priv = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    CHECK(priv != MAP_FAILED, "mmap private");
    printf("private sees shared write: %.19s\n", priv + 100);
    memcpy(priv + page, "PRIVATE", 7);
    memset(buf, 0, sizeof buf);
    CHECK(pread(fd, buf, 7, page) == 7, "pread");
    printf("file after private write: %s, private: %.7s\n", buf, priv + page);

    CHECK(pwrite(fd, "FROM-PWRITE", 11, 200) == 11, "pwrite");
    printf("shared sees pwrite: %.11s\n", shared + 200);
    uint64_t h = rr_fnv(RR_FNV_INIT, shared, 2 * page);
    printf("hash of shared mapping: %016llx\n", (unsigned long long)h);
    CHECK(munmap(priv, 2 * page) == 0, "munmap");
    CHECK(munmap(shared, 2 * page) == 0, "munmap");
    close(fd);

    int fd2 = open(rr_path(dir, "ro.bin"), O_CREAT | O_RDWR, 0600);
    CHECK(fd2 >= 0, "open ro");
    CHECK(write(fd2, init, 2 * page) == 2 * page, "write ro");
    char *ro = mmap(NULL, page, PROT_READ, MAP_PRIVATE, fd2, page);
    CHECK(ro != MAP_FAILED, "mmap ro offset");
    printf("read-only at offset page: %.8s\n", ro);
    munmap(ro, page);
    close(fd2);
    free(init);
    rr_remove_tree(dir);
    return 0;
}
