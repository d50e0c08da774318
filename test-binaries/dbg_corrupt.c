/* dbg_corrupt: a counter corrupted far from where the damage shows — the watch and
 * reverse-continue hunt. tally() adds 0+1+...+29 = 435 to `counter`; later, while doing unrelated
 * work, scribble() overwrites it when i == 37 (the line marked CULPRIT); the damage is only
 * noticed at the end by report().
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include <stdio.h>

int counter;                 /* the watched variable */
int rounds_done;

static void tally(int i) {
    counter += i;            /* TALLY: the honest write */
}

static void scribble(int i) {
    if (i == 37)
        counter = -1000;     /* CULPRIT: the write that does the damage */
}

static int square_sum(int n) {
    int s = 0;
    for (int k = 0; k < n; k++)
        s += k * k;
    return s;
}

static void report(int work) {
    printf("work=%d\n", work);
    if (counter != 435)
        printf("damage: counter=%d, expected 435\n", counter);   /* DAMAGE: where it shows */
}

int main(void) {
    int work = 0;
    for (int i = 0; i < 30; i++) {
        tally(i);
        if (i % 10 == 9)
            printf("i=%d counter=%d\n", i, counter);
    }
    for (int i = 30; i < 50; i++) {
        scribble(i);
        work += square_sum(i);
        rounds_done++;
        if (i % 10 == 9)
            printf("i=%d work=%d\n", i, work);
    }
    report(work);
    return 0;
}
