/* mt_clone_raw: a thread made with the clone() wrapper directly (no pthreads): CLONE_VM|CLONE_FS|
 * CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID on a stack the
 * program mmaps; the parent waits on the cleared tid with a raw futex. Then a clone() without
 * CLONE_VM|CLONE_THREAD (a process with SIGCHLD) that writes into its copy of memory, reaped with
 * waitpid: the parent's copy is unchanged.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <linux/futex.h>
#include <sched.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static volatile int shared_value;
static volatile pid_t child_tid;

static int thread_fn(void *arg) {
    shared_value = (int)(intptr_t)arg * 2;
    return 0;
}

static int process_fn(void *arg) {
    (void)arg;
    shared_value = -1;
    return shared_value == -1 ? 3 : 4;
}

int main(void) {
    size_t size = 256 * 1024;
    char *stack = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    CHECK(stack != MAP_FAILED, "mmap stack");
    int flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM |
                CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
    pid_t tid = clone(thread_fn, stack + size, flags, (void *)21, (pid_t *)&child_tid, NULL, (pid_t *)&child_tid);
    CHECK(tid > 0, "clone thread");
    pid_t seen;
    while ((seen = child_tid) != 0)
        syscall(SYS_futex, &child_tid, FUTEX_WAIT, seen, NULL, NULL, 0);
    printf("raw thread finished, tid cleared, shared value %d\n", shared_value);

    pid_t pid = clone(process_fn, stack + size, SIGCHLD, NULL);
    CHECK(pid > 0, "clone process");
    int status;
    CHECK(waitpid(pid, &status, 0) == pid, "waitpid");
    printf("clone process exit status %d, parent value still %d\n", WEXITSTATUS(status), shared_value);
    munmap(stack, size);
    return 0;
}
