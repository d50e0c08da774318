/* rr_uname: uname(2) (a struct the kernel fills in) plus gethostname and the personality query
 * (ASLR disabled shows ADDR_NO_RANDOMIZE = 0x0040000).
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/personality.h>
#include <sys/utsname.h>

int main(void) {
    struct utsname u;
    CHECK(uname(&u) == 0, "uname");
    printf("sysname: %s\nrelease: %s\nversion: %s\nmachine: %s\nnodename: %s\n", u.sysname,
           u.release, u.version, u.machine, u.nodename);
    char host[256];
    CHECK(gethostname(host, sizeof host) == 0, "gethostname");
    printf("hostname matches nodename: %s\n", strcmp(host, u.nodename) == 0 ? "yes" : "no");
    int pers = personality(0xffffffff);
    printf("personality: %#x (ADDR_NO_RANDOMIZE %s)\n", pers, (pers & ADDR_NO_RANDOMIZE) ? "set" : "clear");
    return 0;
}
