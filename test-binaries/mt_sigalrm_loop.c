/* mt_sigalrm_loop: an asynchronous SIGALRM (setitimer ITIMER_REAL one-shot, 30 ms) arrives while
 * main runs a pure CPU loop counting iterations in a volatile memory counter; the handler sets a
 * flag and snapshots the counter. Prints both counts. The delivery point is inside user code with
 * no syscall, the hard case for a recorder without performance counters.
 * NONDETERMINISTIC: yes (the iteration counts)
 * expected exit status: 0 */
#include "rr_util.h"
#include <signal.h>
#include <sys/time.h>

static volatile unsigned long counter;
static volatile sig_atomic_t fired;
static volatile unsigned long at_signal;

static void on_alarm(int sig) {
    (void)sig;
    at_signal = counter;
    fired = 1;
}

int main(void) {
    struct sigaction sa = {.sa_handler = on_alarm};
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(SIGALRM, &sa, NULL) == 0, "sigaction");
    struct itimerval it = {.it_value = {0, 30000}};
    CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0, "setitimer");
    while (!fired)
        counter++;
    printf("counter at signal: %lu, after loop: %lu, handler ran once: %s\n", at_signal, counter,
           counter - at_signal <= 1 ? "yes" : "no");
    return 0;
}
