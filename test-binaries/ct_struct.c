/* Struct, pointer and string arguments, a void function and a struct return value.
 * area(r={origin = {x = 1, y = 2}, w = 3, h = 4}) => 12
 * scale(p=<pointer to a point>, k=10) returns void; afterwards the point is {x = 10, y = 20}
 * greet(who="world", times=2) => 10
 * mid(a={x = 10, y = 20}, b={x = 30, y = 40}) => {x = 20, y = 30}
 * mix(c=65 'A', d=2.5, u=7) => 9.5
 * raw_add(20, 22) => 42, written in assembly so it has a symbol but no DWARF: the tracer shows
 * rdi=0x14, rsi=0x16 (and four more registers) and rax=0x2a. */
#include <stdio.h>
#include <string.h>

struct point { int x; int y; };
struct rect { struct point origin; int w; int h; };

int area(struct rect r) { return r.w * r.h; }

void scale(struct point *p, int k) {
    p->x *= k;
    p->y *= k;
}

int greet(const char *who, int times) {
    return (int) strlen(who) * times;
}

struct point mid(struct point a, struct point b) {
    struct point m = { (a.x + b.x) / 2, (a.y + b.y) / 2 };
    return m;
}

double mix(char c, double d, unsigned u) { return d + u; }

int raw_add(int a, int b);
__asm__(".text\n.globl raw_add\n.type raw_add, @function\nraw_add:\n\tlea (%rdi,%rsi), %eax\n\tret\n.size raw_add, .-raw_add\n");

int main(void) {
    struct rect r = { {1, 2}, 3, 4 };
    struct point p = { 1, 2 };
    int a = area(r);
    scale(&p, 10);
    int g = greet("world", 2);
    struct point m = mid(p, (struct point) {30, 40});
    double x = mix('A', 2.5, 7);
    printf("%d %d %d %d %d %d %g %d\n", a, p.x, p.y, g, m.x, m.y, x, raw_add(20, 22));
    return 0;
}
