// Unwinder fixture. Run with one mode argument; each mode stops (under gdb: a breakpoint) in a
// function whose backtrace the unwinder tests compare with gdb's:
//   recurse: stop_here <- recurse x11 (depth 10..0) <- run_recurse <- main
//   fnptr:   stop_here <- via_pointer_target <- call_through (indirect call) <- main
//   signal:  stop_here <- in_handler <- on_usr1 <- <signal handler called> <- raise (libc) <- main
//   qsort:   stop_here <- compare_ints <- (libc qsort internals) <- qsort <- main
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

volatile int sink;

__attribute__((noinline)) void stop_here(int why) {
    sink += why; // breakpoint location for every mode
}

__attribute__((noinline)) int recurse(int depth) {
    if (depth == 0) {
        stop_here(1);
        return 0;
    }
    return recurse(depth - 1) + 1; // not a tail call: the result is used
}

__attribute__((noinline)) void run_recurse(void) {
    sink += recurse(10); // expected: 10
}

__attribute__((noinline)) int via_pointer_target(int x) {
    stop_here(2);
    return x * 2;
}

__attribute__((noinline)) int call_through(int (*fn)(int), int x) {
    return fn(x) + 1;
}

__attribute__((noinline)) void in_handler(int sig) {
    stop_here(sig);
}

static void on_usr1(int sig) {
    in_handler(sig);
}

__attribute__((noinline)) int compare_ints(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    stop_here(4);
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "recurse";
    if (strcmp(mode, "recurse") == 0) {
        run_recurse();
    } else if (strcmp(mode, "fnptr") == 0) {
        int (*volatile fn)(int) = via_pointer_target;
        sink += call_through(fn, 21); // expected: 43
    } else if (strcmp(mode, "signal") == 0) {
        signal(SIGUSR1, on_usr1);
        raise(SIGUSR1);
    } else if (strcmp(mode, "qsort") == 0) {
        int v[] = {5, 3, 9, 1};
        qsort(v, 4, sizeof v[0], compare_ints);
        sink += v[0]; // expected: 1
    }
    printf("sink=%d\n", sink);
    return 0;
}
