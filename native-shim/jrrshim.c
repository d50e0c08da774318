/*
 * libjrrshim: the few things the tracer needs that Java cannot do itself.
 * Loaded through JNA direct mapping (io.jrrtui.sys.Shim).
 */
#include <stdint.h>
#include <cpuid.h>

/* Real time-stamp counter, read by the recorder when it emulates a trapped rdtsc. */
uint64_t jrr_rdtsc(void) {
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

/* rdtscp: also returns IA32_TSC_AUX (the cpu number) through aux. */
uint64_t jrr_rdtscp(uint32_t *aux) {
    uint32_t lo, hi, c;
    __asm__ volatile("rdtscp" : "=a"(lo), "=d"(hi), "=c"(c));
    *aux = c;
    return ((uint64_t)hi << 32) | lo;
}

/* cpuid leaf/subleaf into out[0..3] = eax, ebx, ecx, edx. */
void jrr_cpuid(uint32_t leaf, uint32_t subleaf, uint32_t *out) {
    __cpuid_count(leaf, subleaf, out[0], out[1], out[2], out[3]);
}

#include <errno.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/user.h>
#include <sys/wait.h>

/*
 * Single-steps task tid (ptrace-stopped, traced by the calling thread) until its rip has moved n
 * times, in one native call: chaos mode steps thousands of instructions per switch, and doing each
 * step's five calls through JNA cost about as much again as the step itself.
 *
 * Never steps a syscall instruction (0f 05, 0f 34, cd 80) or an int3 (cc): the first must be seen as
 * a syscall stop, the second trap as the program's own. A rip that does not move (a rep-string
 * iteration, or the report of a syscall when resumed from its exit stop) is not counted; at most
 * 2n+2 traps are taken. out[0] = instructions stepped, out[1] = a wait status that was not a
 * single-step trap (the caller handles it as any stop) or -1, out[2] = 1 if it stopped before a
 * syscall instruction or int3. Returns 0, or -errno of a failed call.
 */
int jrr_step_n(int tid, int n, long long *out) {
    struct user_regs_struct regs;
    siginfo_t info;
    int stepped = 0;
    out[1] = -1;
    out[2] = 0;
    if (ptrace(PTRACE_GETREGS, tid, 0, &regs) != 0) return -errno;
    for (int traps = 0; stepped < n && traps <= 2 * n + 2; traps++) {
        errno = 0;
        long word = ptrace(PTRACE_PEEKTEXT, tid, (void *)regs.rip, 0);
        if (errno != 0) return -errno;
        unsigned b0 = word & 0xff, b1 = (word >> 8) & 0xff;
        if ((b0 == 0x0f && (b1 == 0x05 || b1 == 0x34)) || (b0 == 0xcd && b1 == 0x80) || b0 == 0xcc) {
            out[2] = 1;
            break;
        }
        if (ptrace(PTRACE_SINGLESTEP, tid, 0, 0) != 0) return -errno;
        int status;
        while (waitpid(tid, &status, __WALL) < 0) {
            if (errno != EINTR) return -errno;
        }
        if (!WIFSTOPPED(status) || WSTOPSIG(status) != SIGTRAP || (status >> 16) != 0) {
            out[1] = status;
            break;
        }
        if (ptrace(PTRACE_GETSIGINFO, tid, 0, &info) != 0) return -errno;
        /* the step's trap: TRAP_TRACE, or TRAP_BRKPT where the hypervisor leaves DR6's step bit clear */
        if (info.si_code != 2 && info.si_code != 1) {
            out[1] = status;
            break;
        }
        unsigned long long before = regs.rip;
        if (ptrace(PTRACE_GETREGS, tid, 0, &regs) != 0) return -errno;
        if (regs.rip != before) stepped++;
    }
    out[0] = stepped;
    return 0;
}

#include <linux/perf_event.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/*
 * A clock of task tid's own CPU time (the software event PERF_COUNT_SW_TASK_CLOCK, no PMU needed)
 * that, once it has counted period nanoseconds, sends the task a SIGTRAP with si_code TRAP_PERF
 * and si_perf_data = sig_data: the task stops at that point of its run, however busy the machine
 * and wherever the tracer is (a SIGSTOP sent by a polling tracer lands as late as the tracer gets
 * a CPU). period 0: count only. Returns the event's descriptor or -errno.
 */
int jrr_perf_task_clock(int tid, uint64_t period, uint64_t sig_data) {
    struct perf_event_attr a;
    memset(&a, 0, sizeof a);
    a.size = sizeof a;
    a.type = PERF_TYPE_SOFTWARE;
    a.config = PERF_COUNT_SW_TASK_CLOCK;
    a.exclude_kernel = 1; /* allowed at perf_event_paranoid 2; overflows in the kernel are skipped */
    a.exclude_hv = 1;
    if (period != 0) {
        a.sample_period = period;
        a.sigtrap = 1;
        a.remove_on_exec = 1; /* the kernel requires it with sigtrap */
        a.sig_data = sig_data;
    }
    int fd = (int)syscall(SYS_perf_event_open, &a, tid, -1, -1, PERF_FLAG_FD_CLOEXEC);
    return fd < 0 ? -errno : fd;
}

/* The count of event fd (nanoseconds for a task clock), then closes it; -errno when it cannot be read. */
long long jrr_perf_read_close(int fd) {
    uint64_t v = 0;
    long long r = read(fd, &v, sizeof v) == (ssize_t)sizeof v ? (long long)v : -errno;
    close(fd);
    return r;
}
