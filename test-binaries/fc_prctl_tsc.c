/* fc_prctl_tsc: the TSC mode as the program sees it: PR_GET_TSC answers PR_TSC_ENABLE as it does
 * natively (the recorder's own trapping is hidden), PR_SET_TSC(ENABLE) is accepted, and rdtsc
 * still counts up.
 * NONDETERMINISTIC: no
 * expected exit status: 0 */
#include "rr_util.h"
#include <sys/prctl.h>
#include <x86intrin.h>

int main(void) {
    int mode = -1;
    CHECK(prctl(PR_GET_TSC, &mode, 0, 0, 0) == 0, "PR_GET_TSC");
    printf("mode at start: %d\n", mode);
    CHECK(prctl(PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0) == 0, "PR_SET_TSC");
    mode = -1;
    CHECK(prctl(PR_GET_TSC, &mode, 0, 0, 0) == 0, "PR_GET_TSC");
    printf("mode after enable: %d\n", mode);
    unsigned long long a = __rdtsc(), b = __rdtsc();
    printf("rdtsc counts up: %d\n", b > a);
    return 0;
}
