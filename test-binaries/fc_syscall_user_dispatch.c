/* fc_syscall_user_dispatch: a program that intercepts its own syscalls with Syscall User Dispatch
 * (prctl PR_SET_SYSCALL_USER_DISPATCH): with the selector set to BLOCK, a getppid made outside the
 * allowed region raises SIGSYS; the handler answers it (42) and counts it. Prints what it saw.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#ifndef PR_SET_SYSCALL_USER_DISPATCH
#define PR_SET_SYSCALL_USER_DISPATCH 59
#define PR_SYS_DISPATCH_OFF 0
#define PR_SYS_DISPATCH_ON 1
#define SYSCALL_DISPATCH_FILTER_ALLOW 0
#define SYSCALL_DISPATCH_FILTER_BLOCK 1
#endif

static volatile char selector = SYSCALL_DISPATCH_FILTER_ALLOW;
static volatile int trapped, last_nr;

static void on_sigsys(int sig, siginfo_t *si, void *ctx) {
    ucontext_t *uc = ctx;
    (void)sig;
    selector = SYSCALL_DISPATCH_FILTER_ALLOW; /* the handler's own calls run */
    trapped++;
    last_nr = si->si_syscall;
    uc->uc_mcontext.gregs[REG_RAX] = 42;
    selector = SYSCALL_DISPATCH_FILTER_BLOCK; /* sigreturn is let through by the kernel */
}

static long raw_getppid(void) {
    long r;
    __asm__ volatile("syscall" : "=a"(r) : "a"(SYS_getppid) : "rcx", "r11", "memory");
    return r;
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_sigsys;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSYS, &sa, NULL);
    
    /* shared libraries (libc, its signal restorer, the dynamic linker) are exempt: only the
     * program's own syscall instructions are dispatched */
    if (prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON, 0x7f0000000000UL, 0xffffffffffUL, &selector) != 0) {
        perror("prctl");
        return 1;
    }
    long real = raw_getppid();
    selector = SYSCALL_DISPATCH_FILTER_BLOCK;
    long a = raw_getppid();
    long b = raw_getppid();
    selector = SYSCALL_DISPATCH_FILTER_ALLOW;
    prctl(PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0);
    printf("dispatched: %ld %ld (trapped %d, last nr %d); real getppid %s\n", a, b, trapped, last_nr,
           real > 0 ? "positive" : "not positive");
    return 0;
}
