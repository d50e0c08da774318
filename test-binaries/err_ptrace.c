/* err_ptrace: asks to be traced. A program that debugs itself (or others) cannot be recorded:
 * jrrtui record must refuse it with a clear message. */
#include <stdio.h>
#include <sys/ptrace.h>

int main(void) {
    long r = ptrace(PTRACE_TRACEME, 0, 0, 0);
    printf("ptrace = %ld\n", r);
    return 0;
}
