// C++ fixture (not built by the Makefile: SymbolsCppTest compiles it with g++ -g -O0 when g++ exists).
// Stop at `break cpp_stop`, frame 1 (run): gdb prints e.g.
//   print d     = {<geo::Shape> = {_vptr.Shape = 0x... <vtable for geo::Circle+16>, id = 7}, radius = 2.5}
//   print ref   = (int &) @0x...: 42
//   print p     = {first = 1, second = 2}
namespace geo {
struct Shape {
    int id;
    explicit Shape(int i) : id(i) {}
    virtual ~Shape() {}
    virtual double area() const { return 0; }
};
struct Circle : Shape {
    double radius;
    Circle(int i, double r) : Shape(i), radius(r) {}
    double area() const override { return 3.0 * radius * radius; }
};
namespace detail {
int counter = 5;
}
}  // namespace geo

struct Pair { int first; int second; };
class Plain {
public:
    int a = 1;
    const char *name = "plain";
private:
    long secret = 99;
};

int g_int = 42;
Pair g_pair = {1, 2};
Plain g_plain;
geo::Circle g_circle(7, 2.5);
int &g_ref = g_int;
enum class Mode : short { Off = 0, On = 3 };
Mode g_mode = Mode::On;

__attribute__((noinline)) void cpp_stop() { __asm__ volatile("" ::: "memory"); }

int run(int &ref, const Pair &p, geo::Shape *s) {
    int local = ref + p.first;
    cpp_stop();
    return local + (int)s->area() + geo::detail::counter;
}

int main() {
    return run(g_int, g_pair, &g_circle) > 0 ? 0 : 1;
}
