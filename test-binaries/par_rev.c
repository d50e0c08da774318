/* par_rev: the gdb-parity fixture for reverse stepping, watchpoints in reverse and the small
 * answers (ParityOracleTest compares jrrtui with gdb's own `record full` on it).
 * f1/f2 share one line in main (MULTI); depth recurses 3 deep (DEPTH_RET returns 3+2+1+0);
 * cur->val is written through two different nodes (WATCH_PTR); counted's local acc changes
 * each loop turn (LOCAL_WRITE); half/third return float/double (9.5 and 6.333 for a = 19;
 * a ends at 31); total = 43 + atoi("5") (LIBC_CALL: libc, with line information where its debug
 * information is installed). Prints "31 48 9.5 6.33333". NONDETERMINISTIC: no. Exit status: 0 */
#include <stdio.h>
#include <stdlib.h>

struct node {
    int val;
    struct node *next;
};

struct node nodes[3] = {{10, 0}, {20, 0}, {30, 0}};
struct node *cur;
int total;
int arr[6] = {1, 2, 3, 4, 5, 6};

static int f1(int x) {
    int y = x * 2; /* F1_FIRST */
    total += y;
    return y;
}

static int f2(int x) {
    total -= x; /* F2_FIRST */
    return x + 1;
}

static float half(int x) {
    return x / 2.0f;
}

static double third(int x) {
    return x / 3.0;
}

static int depth(int n) {
    int here = n;
    if (n > 0)
        here += depth(n - 1);
    return here; /* DEPTH_RET */
}

static int counted(int n) {
    int acc = 0;
    for (int i = 0; i < n; i++)
        acc += i; /* LOCAL_WRITE */
    return acc;
}

int main(void) {
    int a = f1(1); /* MAIN_FIRST */
    f1(2); f2(3); /* MULTI */
    a += f1(4); /* a = 2 + 8 = 10 */
    a += 9;
    float h = half(a);
    double t = third(a);
    cur = &nodes[0];
    cur->val = 11; /* WATCH_PTR */
    cur = &nodes[1];
    cur->val = 21;
    cur->val = 22;
    a += depth(3);
    a += counted(4);
    total = a + 12;
    total += atoi("5"); /* LIBC_CALL */
    printf("%d %d %g %g\n", a, total, h, t);
    return 0;
}

/* Strings for printf's %s (ParityOracleTest): defined after main so that no line above moves. */
const char *par_name = "par_rev";
char par_tag[8] = "tag";
