// C++ fixture for the demangler oracle test (compiled by DemanglerOracleTest with g++, not the Makefile).
// Exercises namespaces, class and function templates, operators, lambdas, std containers and strings.
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>
#include <cstdio>

namespace outer {
namespace inner {
template <typename T, int N>
struct Box {
    T items[N];
    T &operator[](int i) { return items[i]; }
    bool operator==(const Box &o) const { return std::equal(items, items + N, o.items); }
    template <typename U> U convert() const { return static_cast<U>(items[0]); }
    operator bool() const { return N > 0; }
};
}  // namespace inner

struct Shape {
    virtual ~Shape() = default;
    virtual double area() const = 0;
};
struct Square : Shape {
    double side;
    explicit Square(double s) : side(s) {}
    double area() const override { return side * side; }
};

template <typename... Args>
int count_args(Args &&...args) { return static_cast<int>(sizeof...(args)); }

namespace {
int hidden(const char *s, unsigned long n) { return static_cast<int>(n) + (s ? 1 : 0); }
}

std::string join(const std::vector<std::string> &parts, char sep) {
    std::string out;
    for (const auto &p : parts) { out += p; out += sep; }
    return out;
}
}  // namespace outer

int apply(int (*fn)(int), int v) { return fn(v); }
int twice(int v) { return 2 * v; }

int main() {
    outer::inner::Box<int, 3> b{{1, 2, 3}};
    b[0] = 5;
    std::map<std::string, std::vector<int>> m;
    m["a"].push_back(b.convert<long>());
    std::unique_ptr<outer::Shape> sq(new outer::Square(2.0));
    auto add = [](int x, int y) { return x + y; };
    auto gen = [](auto x) { return x * 2; };
    std::function<int(int)> f = [&](int x) { return add(x, gen(x)); };
    std::vector<int> v{3, 1, 2};
    std::sort(v.begin(), v.end(), [](int a, int c) { return a > c; });
    std::printf("%d %d %d %d %s %d %d\n", f(1), outer::count_args(1, 2.0, "x"), (int)sq->area(),
                (b == b) ? 1 : 0, outer::join({"x", "y"}, ',').c_str(), apply(twice, 3), gen(2.5) > 0);
    return 0;
}
