/* Struct, pointer and string arguments, a void function, a struct and a double return value.
 * jrrtui trace '^(area|scale|greet|mid|mix)$' prints ("[]" stands for "[tid T ev E]", "0x?" for
 * an address):
 * struct: > [] area(r={origin = {x = 1, y = 2}, w = 3, h = 4})
 * struct: >> [] area => 12
 * struct: > [] scale(p=0x?, k=10)
 * struct: >> [] scale => void
 * struct: > [] greet(who=0x? "world", times=2)
 * struct: >> [] greet => 10
 * struct: > [] mid(a={x = 10, y = 20}, b={x = 30, y = 40})
 * struct: >> [] mid => {x = 20, y = 30}
 * struct: > [] mix(c=65 'A', d=2.5, u=7)
 * struct: >> [] mix => <in xmm0, not read>
 * raw_add(20, 22) => 42 is written in assembly, so it has a symbol but no DWARF: the tracer shows
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
