/* err_unknown_syscall: makes a syscall number Linux does not define (999).
 * The kernel answers ENOSYS, natively and recorded; replay must print the same. */
#include <stdio.h>
#include <unistd.h>
#include <errno.h>
#include <string.h>

int main(void) {
    printf("before\n");
    fflush(stdout);
    long r = syscall(999);
    printf("syscall(999) = %ld (%s)\n", r, strerror(errno));
    return 0;
}
