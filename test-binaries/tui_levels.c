/* tui_levels: a small program for the TUI's end-to-end test. It prints one line per step and
 * flushes it (so each line is its own write event, made from a function with source), while the
 * global `level` rises and falls: a value with a visible history for the Watch pane. */
#include <stdio.h>

int level;

static void report(int step) {
    printf("step %d level %d\n", step, level);
    fflush(stdout);
}

int main(void) {
    for (int step = 1; step <= 12; step++) {
        level = step <= 6 ? level + step : level - 3;
        report(step);
    }
    return level == 3 ? 0 : 1;
}
