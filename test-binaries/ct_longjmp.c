/* longjmp out of a traced function: dive(3) -> dive(2) -> dive(1) -> dive(0) longjmps back to
 * main, so none of the four dive calls returns; the tracer reports each as unwound at the next
 * traced stop (or at the exit). Prints "caught 8". jrrtui trace '^(dive|after)$' prints:
 * both: > [] dive(depth=3)
 * both:   > [] dive(depth=2)
 * both:     > [] dive(depth=1)
 * both:       > [] dive(depth=0)
 * both:       >> [] dive <- unwound without returning (longjmp or exception)
 * both:     >> [] dive <- unwound without returning (longjmp or exception)
 * both:   >> [] dive <- unwound without returning (longjmp or exception)
 * both: >> [] dive <- unwound without returning (longjmp or exception)
 * both: > [] after(v=7)
 * both: >> [] after => 8
 */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;

void dive(int depth) {
    if (depth == 0) longjmp(env, 1);
    dive(depth - 1);
}

int after(int v) { return v + 1; }

int main(void) {
    if (setjmp(env) == 0) {
        dive(3);
        puts("not reached");
    }
    printf("caught %d\n", after(7));
    return 0;
}
