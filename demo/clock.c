/* clock: the terminal clock used to demonstrate jrrtui (after the demo in the rr talk).
 *
 * Every tick it prints a numbered line with a bar one '#' longer than the last:
 *     1 #
 *     2 ##
 *     3 ###
 * The tick interval starts at 0.2 s. While it waits, it reads the keyboard without blocking
 * (poll with the time left in the tick as the timeout): a digit 1-9 sets the interval to that many
 * tenths of a second, 'q' quits; at most one key is taken per tick, so scripted input from a file
 * (demo/input.txt) plays like timed keystrokes. Any other byte ('.', newline) is an idle tick.
 * At end of input it runs a few more ticks and exits; it never prints more than MAX_LINES lines.
 *
 * THE BUG (what the demo hunts): look at the output of `./clock < input.txt` — one line number is
 * missing. Put a watchpoint on `line_no` and reverse-continue from the line after the gap to find
 * the culprit: the path taken when a key makes the clock faster increments the counter, but its
 * printf was commented out. (Making it slower, e.g. '3' after the start value 2, prints normally.)
 *
 * build: make -C demo   (gcc -g -O0)      run: ./demo/clock < demo/input.txt
 * expected output for input.txt (".....3......1............q"): lines 1..25 except 13 (the tick that
 * took the key '1', 0.3 s -> 0.1 s), i.e. 24 lines, about 4.5 s; exit status 0.
 * With stdin from /dev/null: lines 1..3, then it exits. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MAX_LINES 40
#define TICKS_AFTER_EOF 3

int line_no;                     /* number of the last line printed (or meant to be printed) */
static int interval_tenths = 2;  /* tick length in tenths of a second */
static int quit_requested;
static int input_ended;

static const char BAR[] = "########################################################################";

static struct termios saved_tty;
static int tty_raw;

static void restore_tty(void) {
    if (tty_raw)
        tcsetattr(STDIN_FILENO, TCSANOW, &saved_tty);
    tty_raw = 0;
}

static void on_interrupt(int sig) {
    restore_tty();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Single keys without Enter and without echo, when stdin is a terminal. */
static void keyboard_raw(void) {
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved_tty) != 0)
        return;
    struct termios raw = saved_tty;
    raw.c_lflag &= ~(ICANON | ECHO);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0) {
        tty_raw = 1;
        atexit(restore_tty);
        signal(SIGINT, on_interrupt);
        signal(SIGTERM, on_interrupt);
    }
}

static long long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void print_line(void) {
    line_no++;
    int width = line_no < (int)sizeof BAR - 1 ? line_no : (int)sizeof BAR - 1;
    printf("%3d %.*s\n", line_no, width, BAR);
}

/* Handles one key; returns 1 when it made the clock faster (a shorter interval). */
static int handle_key(char key) {
    if (key == 'q') {
        quit_requested = 1;
    } else if (key >= '1' && key <= '9') {
        int faster = key - '0' < interval_tenths;
        interval_tenths = key - '0';
        return faster;
    }
    return 0;
}

/* Waits out one tick, taking at most one key; returns 1 when the clock got faster. */
static int wait_tick(void) {
    long long deadline = now_ms() + interval_tenths * 100LL;
    int key_taken = 0, sped_up = 0;
    for (;;) {
        long long left = deadline - now_ms();
        if (left <= 0)
            return sped_up;
        struct pollfd pfd = {.fd = (key_taken || input_ended) ? -1 : STDIN_FILENO, .events = POLLIN};
        int ready = poll(&pfd, 1, (int)left);
        if (ready < 0 && errno != EINTR)
            return sped_up;
        if (ready > 0 && (pfd.revents & (POLLIN | POLLHUP))) {
            char key;
            ssize_t n = read(STDIN_FILENO, &key, 1);
            if (n <= 0) {
                input_ended = 1;
            } else {
                key_taken = 1;
                sped_up = handle_key(key);
            }
        }
    }
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    keyboard_raw();
    fprintf(stderr, "clock: keys 1-9 set the interval in tenths of a second, q quits\n");
    int ticks_after_eof = 0;
    while (line_no < MAX_LINES && !quit_requested) {
        int sped_up = wait_tick();
        if (quit_requested)
            break;
        if (sped_up) {
            /* announce the faster clock on this tick's line */
            line_no++;   /* THE BUG: the printf below was commented out, this increment was not */
            /* printf("%3d %.*s  faster: %d.%d s\n", line_no, line_no, BAR,
                      interval_tenths / 10, interval_tenths % 10);   commented out during debugging */
        } else {
            print_line();
        }
        if (input_ended && ++ticks_after_eof >= TICKS_AFTER_EOF)
            break;
    }
    restore_tty();
    return 0;
}
