/* fc_sigbus_truncated: a file mapping of two pages whose file is then truncated to one page; a
 * read of the second page raises SIGBUS (BUS_ADRERR), recovered with siglongjmp.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>

static sigjmp_buf env;
static volatile int code;

static void on_bus(int sig, siginfo_t *si, void *uc) {
    (void)sig; (void)uc;
    code = si->si_code;
    siglongjmp(env, 1);
}

int main(void) {
    char *dir = rr_make_tempdir();
    const char *path = rr_path(dir, "f");
    int fd = open(path, O_RDWR | O_CREAT, 0600);
    CHECK(fd >= 0, "open");
    CHECK(ftruncate(fd, 8192) == 0, "ftruncate");
    CHECK(pwrite(fd, "first page", 10, 0) == 10, "pwrite");
    char *p = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE, fd, 0);
    CHECK(p != MAP_FAILED, "mmap");
    CHECK(ftruncate(fd, 4096) == 0, "ftruncate");
    struct sigaction sa = {0};
    sa.sa_sigaction = on_bus;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGBUS, &sa, NULL);
    printf("page 1: %.10s\n", p);
    if (sigsetjmp(env, 1) == 0) printf("page 2: %d\n", p[4096]);
    else printf("page 2: SIGBUS, code %s\n", code == BUS_ADRERR ? "BUS_ADRERR" : "other");
    munmap(p, 8192);
    close(fd);
    rr_remove_tree(dir);
    return 0;
}
