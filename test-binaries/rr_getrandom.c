/* rr_getrandom: random bytes from the getrandom syscall (with and without GRND_NONBLOCK) and
 * from reading /dev/urandom, printed in hex.
 * NONDETERMINISTIC: yes (random bytes)
 * expected exit status: 0 */
#include "rr_util.h"
#include <fcntl.h>
#include <sys/random.h>

int main(void) {
    unsigned char buf[32];
    CHECK(getrandom(buf, sizeof buf, 0) == sizeof buf, "getrandom");
    rr_print_hex("getrandom", buf, sizeof buf);
    CHECK(getrandom(buf, 16, GRND_NONBLOCK) == 16, "getrandom nonblock");
    rr_print_hex("getrandom nonblock", buf, 16);

    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    CHECK(fd >= 0, "open /dev/urandom");
    CHECK(read(fd, buf, sizeof buf) == sizeof buf, "read /dev/urandom");
    rr_print_hex("urandom", buf, sizeof buf);
    FILE *f = fopen("/dev/urandom", "r");
    CHECK(f != NULL, "fopen /dev/urandom");
    CHECK(fread(buf, 1, 8, f) == 8, "fread");
    rr_print_hex("urandom stdio", buf, 8);
    fclose(f);
    close(fd);
    return 0;
}
