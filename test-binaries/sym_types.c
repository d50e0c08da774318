/* Fixture for the symbol side: interesting C types, values at a known stop.
 * Stop at `break stop_here` (frame 1 = fill_and_stop) and compare print/ptype with gdb.
 * Expected (gdb 13): print g_point = {x = 3, y = -4}
 *                    print g_color = GREEN
 *                    print g_flags = {ready = 1, mode = 5, count = 300}
 *                    print g_matrix = {{1, 2, 3}, {4, 5, 6}}
 *                    print g_name = "hi"   (char array) ; g_str = 0x... "hello"
 */
#include <stdio.h>
#include <string.h>

enum color { RED, GREEN = 5, BLUE };
typedef int myint;
typedef myint myint2;
typedef struct point { int x; int y; } point_t;

struct flags {
    unsigned ready : 1;
    unsigned mode : 3;
    unsigned count : 12;
    signed neg : 4;
};

union number { int i; float f; unsigned char bytes[4]; };

typedef int (*binop_fn)(int, int);

struct record {
    char name[8];
    point_t pts[2];
    union number num;
    enum color col;
    binop_fn op;
    const char *label;
    struct record *next;
    double ratio;
    long long big;
    unsigned short small;
    _Bool ok;
};

point_t g_point = {3, -4};
enum color g_color = GREEN;
struct flags g_flags = {1, 5, 300, -3};
int g_matrix[2][3] = {{1, 2, 3}, {4, 5, 6}};
char g_name[4] = "hi";
const char *g_str = "hello";
myint2 g_myint = 42;
union number g_num = {.i = 0x41424344};
double g_double = 2.5;
float g_float = -1.25f;
unsigned char g_uchar = 200;
signed char g_schar = -5;
long g_long = -1234567890123L;
unsigned long g_ulong = 18446744073709551615UL;
int *g_null_ptr = 0;
int g_array[5] = {10, 20, 30, 40, 50};
struct record g_rec;
struct record *g_rec_ptr = &g_rec;
binop_fn g_fn;

static int add(int a, int b) { return a + b; }
int mul(int a, int b) { return a * b; }

static inline int square(int v) { return v * v; }

int counter(void) {
    static int calls = 0; /* static local */
    calls++;
    return calls;
}

int factorial(int n) {
    if (n <= 1) return 1;          /* recursion */
    return n * factorial(n - 1);
}

__attribute__((noinline)) void stop_here(int depth) {
    (void)depth;
    __asm__ volatile("" ::: "memory");
}

int fill_and_stop(struct record *r, int k) {
    int local_i = k * 2;
    char local_buf[6] = "abc";
    double local_d = 0.5;
    point_t local_pt = {7, 8};
    struct flags local_flags = {0, 2, 17, 1};
    int *local_p = &local_i;
    memcpy(r->name, "rec", 4);
    r->pts[0].x = 1; r->pts[0].y = 2; r->pts[1].x = 3; r->pts[1].y = 4;
    r->num.i = 7;
    r->col = BLUE;
    r->op = add;
    r->label = "label";
    r->next = r;
    r->ratio = 0.25;
    r->big = 1LL << 40;
    r->small = 65535;
    r->ok = 1;
    stop_here(local_i + square(k));
    return local_i + local_buf[0] + (int)local_d + local_pt.x + local_flags.mode + *local_p;
}

int main(int argc, char **argv) {
    (void)argv;
    g_fn = mul;
    counter();
    int total = fill_and_stop(&g_rec, argc + 2);
    total += factorial(5) + counter() + add(1, 2) + g_fn(2, 3);
    printf("%d\n", total);
    return 0;
}
