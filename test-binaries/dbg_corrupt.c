/* dbg_corrupt: a counter corrupted far from where the damage shows — the watch and
 * reverse-continue hunt. `counter` should end as 0+1+...+49 = 1225, but scribble() overwrites it
 * when i == 37 (the culprit line is marked CULPRIT), and the damage is only printed at the end.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include <stdio.h>

int counter;                 /* the watched variable */
int checkpoints_seen;

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

int main(void) {
    int work = 0;
    for (int i = 0; i < 50; i++) {
        tally(i);
        scribble(i);
        work += square_sum(i);
        if (i % 10 == 9) {
            printf("i=%d counter=%d\n", i, counter);
            checkpoints_seen++;
        }
    }
    printf("work=%d\n", work);
    if (counter != 1225)
        printf("damage: counter=%d, expected 1225\n", counter);
    return 0;
}
