/* fc_mprotect_fault: a page made read-only; writing it raises SIGSEGV with si_addr on the page
 * and SEGV_ACCERR; the handler makes it writable again and the write is retried.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/mman.h>

static char *page;
static volatile int faults;

static void on_segv(int sig, siginfo_t *si, void *ctx) {
    (void)sig; (void)ctx;
    faults++;
    int on_page = (char *)si->si_addr >= page && (char *)si->si_addr < page + 4096;
    char msg[64];
    int n = snprintf(msg, sizeof msg, "fault on page %d code %s\n", on_page, si->si_code == SEGV_ACCERR ? "ACCERR" : "other");
    write(1, msg, n);
    mprotect(page, 4096, PROT_READ | PROT_WRITE);
}

int main(void) {
    page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(page != MAP_FAILED, "mmap");
    struct sigaction sa = {.sa_sigaction = on_segv, .sa_flags = SA_SIGINFO};
    sigaction(SIGSEGV, &sa, NULL);
    CHECK(mprotect(page, 4096, PROT_READ) == 0, "mprotect");
    page[100] = 42;
    printf("value %d after %d fault(s)\n", page[100], faults);
    return 0;
}
