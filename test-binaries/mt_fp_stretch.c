/* mt_fp_stretch: two threads each sum a slowly converging series in a long loop with no syscall;
 * built with -O2 the running sum lives in an SSE register, not in memory. Under a recorder that
 * runs one thread at a time, each loop is switched out in the middle, so replay must put the
 * vector registers back exactly where it puts a thread at such a point (the sums printed at the
 * end show any difference to the last bit).
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <pthread.h>

#define TERMS 30000000L

static double sums[2];

static void *series(void *arg) {
    long which = (long)arg;
    double s = 0.0, sign = 1.0;
    for (long i = 0; i < TERMS; i++) {
        s += sign / (double)(2 * i + 1 + which);
        sign = -sign;
    }
    sums[which] = s;
    return NULL;
}

int main(void) {
    pthread_t th[2];
    for (long i = 0; i < 2; i++) CHECK(pthread_create(&th[i], NULL, series, (void *)i) == 0, "pthread_create");
    for (int i = 0; i < 2; i++) pthread_join(th[i], NULL);
    printf("sums %.17g %.17g\n", sums[0], sums[1]);
    return 0;
}
