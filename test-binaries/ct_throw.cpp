// A C++ exception thrown through traced frames (built by CallTracerTest with g++ where it exists):
// thrower(2) -> thrower(1) -> thrower(0) throws; main catches, so none of the three returns, and
// the tracer reports them unwound at the next traced call. Prints "caught boom" and "42".
// jrrtui trace '^(thrower|after)$' prints ("[]" stands for "[tid T ev E]"):
// throw: > [] thrower(depth=2)
// throw:   > [] thrower(depth=1)
// throw:     > [] thrower(depth=0)
// throw:     >> [] thrower <- unwound without returning (longjmp or exception)
// throw:   >> [] thrower <- unwound without returning (longjmp or exception)
// throw: >> [] thrower <- unwound without returning (longjmp or exception)
// throw: > [] after(v=21)
// throw: >> [] after => 42
#include <cstdio>
#include <stdexcept>

int thrower(int depth) {
    if (depth == 0) throw std::runtime_error("boom");
    return thrower(depth - 1) + 1;
}

int after(int v) { return v * 2; }

int main() {
    try {
        thrower(2);
    } catch (const std::exception &e) {
        std::printf("caught %s\n", e.what());
    }
    std::printf("%d\n", after(21));
    return 0;
}
