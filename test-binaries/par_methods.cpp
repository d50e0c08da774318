// gdb parity, part 7 (issue 15): C++ method calls (non-virtual with this, virtual through the
// vtable, with arguments), ptype of classes (bases, access labels, methods), set print object.
// Built by the oracle test with g++ -g -O0 (Jrr.gxx); stop at "break methods_stop", then "up".
#include <map>
#include <string>
#include <vector>

class Shape {
public:
    explicit Shape(int id) : id_(id) {}
    virtual ~Shape() {}
    virtual double area() const { return 0; }
    virtual int sides() const { return 0; }
    int id() const { return id_; }
    int scaled(int k) const { return id_ * k; }
protected:
    int id_;
};

class Rect : public Shape {
public:
    Rect(int id, int w, int h) : Shape(id), w_(w), h_(h) {}
    double area() const override { return w_ * h_; }
    int sides() const override { return 4; }
    int width() const { return w_; }
    long sum(int a, long b) { return a + b + w_; }
private:
    int w_;
    int h_;
    static int made_;
};
int Rect::made_ = 0;

struct Counter {
    int count = 3;
    int add(int n) { return count + n; }
    double half() const { return count / 2.0; }
    static int twice(int n) { return 2 * n; }
};

class Square final : public Rect {
public:
    explicit Square(int id, int s) : Rect(id, s, s) {}
    double area() const override { return 1000 + Rect::area(); }
};

__attribute__((noinline)) void methods_stop() { __asm__ volatile("" ::: "memory"); }

int main() {
    Rect r(7, 3, 4);
    Square sq(9, 5);
    Shape *s = &r;
    Shape *s2 = &sq;
    Shape &ref = sq;
    Counter c;
    std::vector<int> v = {1, 2, 3};
    std::string str = "hello";
    std::map<int, int> m = {{1, 2}, {3, 4}};
    methods_stop();
    int total = s->sides() + r.width() + c.add(1) + (int)v.size() + (int)str.size() + (int)m.size() + ref.id();
    return total > 0 ? 0 : 1;
}
