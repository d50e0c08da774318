// Standard containers for the libstdc++ pretty-printer comparison (CxxContainersTest):
// each global is printed by gdb (with the system's libstdc++ printers) and by jrrtui.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>
#include <list>
#include <deque>
#include <forward_list>
#include <queue>
#include <stack>
#include <string_view>
#include <unordered_set>
#include <tuple>

std::string g_str = "hello, world";
std::string g_long_str(40, 'x');
std::string g_empty_str;
std::vector<std::string> g_words;
std::vector<int> g_ints;
std::vector<int> g_empty_vec;
std::map<int, std::string> g_map;
std::map<std::string, int> g_ages;
std::set<int> g_set;
std::unique_ptr<int> g_uptr;
std::unique_ptr<int> g_null_uptr;
std::shared_ptr<std::string> g_sptr;
std::shared_ptr<std::string> g_sptr2;
std::shared_ptr<int> g_null_sptr;
std::optional<int> g_opt;
std::optional<int> g_no_opt;
std::list<int> g_list;
std::list<int> g_empty_list;
std::deque<int> g_deque;
std::unordered_map<int, int> g_umap;
std::deque<int> g_big_deque;
std::deque<std::string> g_deque_s;
std::unordered_map<std::string, int> g_umap_s;
std::vector<int> g_big_vec;
std::vector<int> g_same(15, 7);
std::map<int, int> g_big_map;
std::map<std::string, std::vector<int>> g_nested;
std::vector<std::vector<int>> g_vv;
std::weak_ptr<int> g_weak;
std::unordered_set<int> g_uset;
std::multimap<int, int> g_multimap;
std::multiset<int> g_multiset;
std::unique_ptr<int[]> g_uarr;
std::string_view g_view;
std::stack<int> g_stack;
std::queue<int> g_queue;
std::forward_list<int> g_flist;
std::forward_list<int> g_empty_flist;
std::tuple<int, std::string, char> g_tuple{1, "t", 'c'};
std::tuple<> g_empty_tuple;
struct item { int id; std::string name; };
std::vector<item> g_items;

extern "C" void cxx_stop(void) {}

int main() {
    g_words.reserve(4);
    g_words.push_back("alpha");
    g_words.push_back("beta");
    g_words.push_back("gamma");
    for (int i = 1; i <= 5; i++) g_ints.push_back(i * i);
    g_map[3] = "three";
    g_map[1] = "one";
    g_map[2] = "two";
    g_ages["bob"] = 42;
    g_ages["alice"] = 37;
    g_set.insert(7);
    g_set.insert(-2);
    g_set.insert(19);
    g_uptr = std::make_unique<int>(99);
    g_sptr = std::make_shared<std::string>("shared");
    g_sptr2 = g_sptr;
    g_opt = 5;
    g_list = {4, 5, 6};
    g_deque = {1, 2, 3};
    g_umap[1] = 10;
    g_umap[2] = 20;
    for (int i = 0; i < 700; i++) g_big_deque.push_back(i);
    g_deque_s.push_back("x");
    g_deque_s.push_front("w");
    g_umap_s["k1"] = 1;
    g_umap_s["k2"] = 2;
    for (int i = 0; i < 300; i++) { g_big_vec.push_back(i); g_big_map[i] = -i; }
    g_nested["a"] = {1, 2};
    g_nested["b"] = {};
    g_vv = {{1}, {2, 3}};
    { auto gone = std::make_shared<int>(3); g_weak = gone; }
    g_items.push_back({1, "one"});
    g_uset.insert(3);
    g_multimap.insert({1, 2});
    g_multimap.insert({1, 3});
    g_multiset.insert(4);
    g_multiset.insert(4);
    g_uarr.reset(new int[2]);
    g_view = "a view";
    g_stack.push(1);
    g_stack.push(2);
    g_queue.push(5);
    g_flist.push_front(9);
    g_flist.push_front(8);
    const std::vector<std::string> &words = g_words;
    cxx_stop();
    return (int) words.size();
}
