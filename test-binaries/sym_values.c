/* Fixture for value formatting corner cases; stop at `break values_stop` and print each global.
 * Expected (gdb 13):
 *   print g_zeros      = {0 <repeats 16 times>}
 *   print g_run        = "aaaaaaaaaaaaaaaaaaaaaaaab"  -> 'a' <repeats 24 times>, "b"
 *   print g_big        = {0, 1, 2, ... 199...}   (200-element limit)
 *   print g_nested     = {id = 1, {u = 2, f = 2.80259693e-45}, inner = {a = {1, 2}, {b = 3}}}
 *   print g_names      = {"ab", "cd", "\000\000"}
 *   print g_ops        = {0x... <op_add>, 0x... <op_sub>}
 */
#include <stddef.h>

enum sign { NEG = -2, ZERO = 0, POS = 2 };
enum bits { B_ONE = 1, B_TWO = 2, B_FOUR = 4 };
typedef long (*op_fn)(long, long);

struct nested {
    int id;
    union { unsigned u; float f; };
    struct { short a[2]; struct { char b; }; } inner;
};

struct with_ptrs {
    int *ip;
    int **ipp;
    const char *const cs;
    volatile int vi;
    void *vp;
    struct with_ptrs *self;
};

int g_zeros[16];
char g_run[26] = "aaaaaaaaaaaaaaaaaaaaaaaab";
int g_big[300];
struct nested g_nested = {1, {2}, {{1, 2}, {3}}};
char g_names[3][3] = {"ab", "cd", ""};
enum sign g_sign = NEG;
enum bits g_bits = B_FOUR;
enum bits g_bits_odd = 3;
long double g_ld = 1.5L;
double g_small = 1e-10;
double g_huge = 1.5e300;
float g_third = 1.0f / 3;
unsigned short g_us = 65535;
short g_short = -32768;
long long g_ll = -9223372036854775807LL - 1;
unsigned long long g_ull = 12345678901234567890ULL;
char g_chars[6] = {'\n', '\t', '"', '\\', 127, 'z'};
const char *g_empty = "";
const char *g_escapes = "tab\there\nquote\"back\\slash";
int g_one = 1;
int *g_ip = &g_one;
int **g_ipp = &g_ip;
struct with_ptrs g_wp = {&g_one, &g_ip, "const", 7, &g_one, &g_wp};
_Bool g_flags2[3] = {1, 0, 1};
static int s_file_static = 99;
static long op_add(long a, long b) { return a + b; }
static long op_sub(long a, long b) { return a - b; }
op_fn g_ops[2] = {op_add, op_sub};
double g_matrix_d[2][2] = {{0.5, -0.25}, {1e20, 3}};
unsigned char g_bytes[12] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2};

__attribute__((noinline)) void values_stop(void) {
    __asm__ volatile("" ::: "memory");
}

int main(void) {
    for (int i = 0; i < 300; i++) g_big[i] = i;
    values_stop();
    return (int)(g_ops[0](s_file_static, 1) + g_ops[1](2, 1)) == 101 ? 0 : 1;
}
