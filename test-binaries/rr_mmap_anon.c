/* rr_mmap_anon: address-space syscalls: anonymous mmap (private and shared), mprotect, mremap
 * (grow in place or move), munmap, MAP_FIXED over part of a mapping, madvise(DONTNEED) zeroing.
 * Prints the addresses (stable with ASLR disabled, as under the recorder and `setarch -R`) and
 * the contents.
 * NONDETERMINISTIC: no (with ASLR disabled; addresses differ between runs with ASLR on)
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/mman.h>

int main(void) {
    long page = sysconf(_SC_PAGESIZE);
    char *a = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(a != MAP_FAILED, "mmap");
    printf("anon mmap at %p, zero-filled: %s\n", (void *)a, a[0] == 0 && a[4 * page - 1] == 0 ? "yes" : "no");
    for (long i = 0; i < 4 * page; i++)
        a[i] = (char)(i * 7);
    CHECK(mprotect(a + page, page, PROT_READ) == 0, "mprotect");
    printf("mprotect read-only page reads %d\n", a[page + 3]);
    CHECK(mprotect(a + page, page, PROT_READ | PROT_WRITE) == 0, "mprotect back");

    char *b = mremap(a, 4 * page, 64 * page, MREMAP_MAYMOVE);
    CHECK(b != MAP_FAILED, "mremap");
    printf("mremap grow to %p, kept contents: %s, new tail zero: %s\n", (void *)b,
           b[4 * page - 1] == (char)((4 * page - 1) * 7) ? "yes" : "no", b[63 * page] == 0 ? "yes" : "no");

    char *fixed = mmap(b + 8 * page, page, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    CHECK(fixed == b + 8 * page, "mmap fixed");
    fixed[0] = 42;
    printf("MAP_FIXED at %p value %d\n", (void *)fixed, fixed[0]);

    b[2 * page] = 99;
    CHECK(madvise(b + 2 * page, page, MADV_DONTNEED) == 0, "madvise");
    printf("after MADV_DONTNEED: %d\n", b[2 * page]);

    char *s = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(s != MAP_FAILED, "mmap shared anon");
    strcpy(s, "shared anonymous");
    printf("shared anon at %p: %s\n", (void *)s, s);

    CHECK(munmap(b + 16 * page, 16 * page) == 0, "munmap middle");
    errno = 0;
    int rc = mprotect(b + 16 * page, page, PROT_READ);
    printf("mprotect on unmapped hole: rc=%d errno=%s\n", rc, strerrorname_np(errno));
    errno = 0;
    void *bad = mmap(NULL, page, PROT_READ, MAP_PRIVATE, -1, 0);
    printf("mmap bad fd: %s errno=%s\n", bad == MAP_FAILED ? "MAP_FAILED" : "mapped", strerrorname_np(errno));
    munmap(b, 64 * page);
    munmap(s, page);
    return 0;
}
