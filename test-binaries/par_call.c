/* par_call: the fixture for function calls in a copy (FunctionCallOracleTest compares jrrtui's
 * print/call with gdb's on the live program, stopped at STOP_HERE). Functions of every kind an
 * argument or result can take: int, long with six arguments, double/float, a mix, char pointers,
 * a string literal argument, a global written by the call (the copy's write must not reach the
 * replay), output on stdout, a NULL dereference (SIGSEGV in the copy), a pointer to a function, a
 * call that never returns (the time limit), rdtsc in a called function (the recorder's trap).
 * Prints "counter 5 42". NONDETERMINISTIC: no. Exit status: 0 */
#include <stdio.h>
#include <string.h>

int counter = 5;
const char *greeting = "hello";

int square(int x) { return x * x; }
long sum6(long a, long b, long c, long d, long e, long f) { return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f; }
double scale(double v, int by) { return v * by; }
float halve(float v) { return v / 2; }
double mix(int a, double b, long c, float d) { return a + b + c + d; }
char first(const char *s) { return s[0]; }
const char *skip(const char *s, int n) { return s + n; }
int length(const char *s) { return (int) strlen(s); }
int bump(int by) { counter += by; return counter; }
void shout(int n) { printf("shout %d\n", n); fflush(stdout); }
int crash(int *p) { return *p; }
unsigned char low(unsigned int v) { return (unsigned char) v; }
int negate(short v) { return -v; }
int ticking(void) { unsigned long long a = __builtin_ia32_rdtsc(); return __builtin_ia32_rdtsc() >= a; }
int forever(void) { volatile int stop = 0; while (!stop) {} return stop; }
int (*op)(int) = square;

int main(void) {
    int local = 7;
    double d = 1.5;
    int result = square(local) - 7; /* STOP_HERE */
    printf("counter %d %d\n", counter, result);
    return d > 2;
}
