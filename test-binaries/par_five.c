/* gdb parity, part 6 (issue 15): enumerators, formats, disassemble, symbols of libraries, info types. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdbool.h>

enum color { RED, GREEN = 5, BLUE };
typedef struct point { int x, y; } point_t;
struct rec {
    char name[16];
    double weight;
    enum color c;
    unsigned flags : 3;
    unsigned mode : 5;
    point_t pts[2];
    struct rec *next;
    union { int i; float f; } u;
    bool ok;
};
int grid[3][4];
long counter = 7;
const char *greeting = "hello, world";
static int hidden = 42;
float fval = 2.5f;
double dvals[3] = {1.5, -2.25, 1e10};
unsigned char bytes[6] = {1, 2, 250, 0, 'A', 'z'};
int (*fp)(int);
struct rec recs[2];

int square(int v) { return v * v; }
int sum_to(int n) { int s = 0; for (int i = 1; i <= n; i++) s += i; return s; }
int fact(int n) { if (n <= 1) return 1; return n * fact(n - 1); }
static void fill(struct rec *r, const char *name, double w) {
    strcpy(r->name, name);
    r->weight = w;
    r->c = GREEN;
    r->flags = 5;
    r->mode = 17;
    r->pts[0].x = 1; r->pts[0].y = 2;
    r->pts[1].x = 3; r->pts[1].y = 4;
    r->u.f = 1.25f;
    r->ok = true;
}

static int norm(point_t p, struct rec r, const char *tag) { return p.x * p.x + p.y * p.y + (int) r.weight + tag[0]; }
int main(int argc, char **argv) {
    int local = 3;
    char buf[8] = "abc";
    fp = square;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++)
            grid[i][j] = i * 10 + j;
    fill(&recs[0], "first", 1.5);
    fill(&recs[1], "second", -3.75);
    recs[0].next = &recs[1];
    local = square(local);
    counter += sum_to(4);
    local += fact(5);
    hidden += norm(recs[0].pts[1], recs[1], "t") > 0;
    printf("%d %ld %s %d\n", local, counter, buf, fp(3));
    return 0;
}
