/* fc_keyctl: the kernel keyring: add_key of a user key to the process keyring, keyctl READ and
 * DESCRIBE, request_key of a missing key. Where keys are not available, the errno is printed.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/syscall.h>

#define KEY_SPEC_PROCESS_KEYRING -2
#define KEYCTL_DESCRIBE 6
#define KEYCTL_READ 11

int main(void) {
    errno = 0;
    long key = syscall(SYS_add_key, "user", "jrrtui:fc", "secret payload", 14, KEY_SPEC_PROCESS_KEYRING);
    if (key < 0) {
        printf("add_key: errno=%s\n", strerrorname_np(errno));
        return 0;
    }
    printf("add_key: a key id\n");
    char buf[128] = {0};
    long n = syscall(SYS_keyctl, KEYCTL_READ, key, buf, sizeof buf);
    printf("read %ld: %.*s\n", n, (int)(n > 0 ? n : 0), buf);
    memset(buf, 0, sizeof buf);
    n = syscall(SYS_keyctl, KEYCTL_DESCRIBE, key, buf, sizeof buf);
    char *desc = strrchr(buf, ';');
    printf("describe %s: %s\n", n > 0 ? "ok" : "failed", desc ? desc + 1 : "?");
    errno = 0;
    n = syscall(SYS_request_key, "user", "jrrtui:missing", NULL, 0);
    printf("request_key missing: %ld errno=%s\n", n, strerrorname_np(errno));
    return 0;
}
