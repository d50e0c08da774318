/* rr_environ: the initial process state the kernel builds: hash and count of environ and argv,
 * the 16 AT_RANDOM bytes (getauxval(AT_RANDOM), in hex), AT_PAGESZ, AT_HWCAP, AT_SECURE,
 * AT_SYSINFO_EHDR presence (the recorder hides the vDSO), getenv of a fixed variable.
 * NONDETERMINISTIC: yes (AT_RANDOM differs on every exec)
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/auxv.h>

extern char **environ;

int main(int argc, char **argv) {
    uint64_t h = RR_FNV_INIT;
    int n = 0;
    for (char **e = environ; *e; e++, n++)
        h = rr_fnv(h, *e, strlen(*e) + 1);
    printf("environ: %d entries hash %016llx\n", n, (unsigned long long)h);
    h = RR_FNV_INIT;
    for (int i = 0; i < argc; i++)
        h = rr_fnv(h, argv[i], strlen(argv[i]) + 1);
    printf("argv: %d entries hash %016llx\n", argc, (unsigned long long)h);
    const unsigned char *r = (const unsigned char *)getauxval(AT_RANDOM);
    CHECK(r != NULL, "AT_RANDOM");
    rr_print_hex("AT_RANDOM", r, 16);
    printf("AT_PAGESZ: %lu AT_SECURE: %lu AT_HWCAP: %#lx\n", getauxval(AT_PAGESZ), getauxval(AT_SECURE),
           getauxval(AT_HWCAP));
    printf("AT_SYSINFO_EHDR present: %s\n", getauxval(AT_SYSINFO_EHDR) ? "yes" : "no");
    const char *path = getenv("PATH");
    printf("PATH set: %s\n", path ? "yes" : "no");
    return 0;
}
