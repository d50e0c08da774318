/* par_float: x87 and SSE state for info float / info vector (FloatStatusOracleTest compares them
 * with gdb on the live program at STOP_HERE). load() leaves six values on the x87 stack on
 * purpose (1, pi, 0, log2(e), -inf, a NaN) and rounding set to "toward zero"; the SSE registers
 * hold the doubles main just used. Prints "2.5". NONDETERMINISTIC: no. Exit status: 0 */
#include <stdio.h>

long double minus_inf = -__builtin_infl();
long double quiet_nan = __builtin_nanl("");
unsigned short toward_zero = 0x0f7f;
volatile int marker;

static void load(void) {
    __asm__ volatile("fldcw %0\n\tfld1\n\tfldpi\n\tfldz\n\tfldl2e\n\tfldt %1\n\tfldt %2"
                     : : "m"(toward_zero), "m"(minus_inf), "m"(quiet_nan));
}

int main(void) {
    volatile double a = 1.25, b = 2;
    printf("%g\n", a * b);
    load();
    marker = 1; /* STOP_HERE */
    return 0;
}
