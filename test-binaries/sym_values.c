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
#include <complex.h>
#include <wchar.h>

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
/* bounds and enumerators stored as data1/data2/data4 must not be sign-extended:
 * ptype g_buf256 = char [256]; print g_big_enum = BIG_C (3000000000) */
char g_buf256[256] = "x";
short g_shorts[40000];
enum big_values { BIG_A = 200, BIG_B = 40000, BIG_C = 3000000000u };
enum big_values g_big_enum = BIG_C;
enum small_signed { SS_NEG = -1, SS_POS = 100 };
enum small_signed g_small_signed = SS_NEG;
/* print g_complex = 1.5 + 2i ; print g_wchar = 90 L'Z' */
double _Complex g_complex = 1.5 + 2.0 * I;
float _Complex g_complexf = -1.0f - 0.5f * I;
wchar_t g_wchar = L'Z';

__attribute__((noinline)) void values_stop(void) {
    __asm__ volatile("" ::: "memory");
}

/* info locals in the inner block lists its variables in gdb's hash order:
 *   q width height zz v1 kk yy total flag xx acc idx, then beta gamma zeta count alpha delta, then n */
__attribute__((noinline)) int nested_blocks(int n) {
    int sum = n;
    {
        int alpha = n, beta = 2, gamma = 3, delta = 4, zeta = 5, count = 6;
        {
            int v1 = 1, kk = 2, q = 3, width = 4, height = 5, xx = 6, yy = 7, zz = 8, total = 9, acc = 10, idx = 11, flag = 12;
            values_stop();
            sum += v1 + kk + q + width + height + xx + yy + zz + total + acc + idx + flag;
        }
        sum += alpha + beta + gamma + delta + zeta + count;
    }
    return sum;
}

int main(void) {
    for (int i = 0; i < 300; i++) g_big[i] = i;
    if (nested_blocks(3) != 102) return 2;
    return (int)(g_ops[0](s_file_static, 1) + g_ops[1](2, 1)) == 101 ? 0 : 1;
}
