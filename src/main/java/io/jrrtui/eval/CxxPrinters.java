package io.jrrtui.eval;

import io.jrrtui.util.JrrException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * libstdc++ containers shown the way gdb's libstdc++ pretty-printers show them:
 * {@code std::vector of length 3, capacity 4 = {"alpha", "beta", "gamma"}}, {@code std::map with 2
 * elements = {[1] = "one", [2] = "two"}}, strings as strings, smart pointers as {@code {get() = 0x...}}.
 * Each printer checks the layout it walks (member names, pointer types, sane counts); when anything
 * is unexpected it answers empty and the caller prints the raw struct, so a layout from another
 * library version is never shown as a wrong value.
 */
final class CxxPrinters {
    /** Elements walked at most in a linked container (guards against cycles in corrupt memory). */
    private static final int MAX_NODES = 100_000;

    private final ValueFormatter f;
    private final int depth;

    private CxxPrinters(ValueFormatter f, int depth) {
        this.f = f;
        this.depth = depth;
    }

    /** The pretty form of a libstdc++ value, or empty for an unknown type or layout. */
    static Optional<String> format(ValueFormatter f, Value v, Type.Struct s, int depth) {
        String name = s.tagName();
        if (name == null || !name.startsWith("std::") || s.isDeclaration()) return Optional.empty();
        CxxPrinters p = new CxxPrinters(f, depth);
        try {
            if (name.startsWith("std::__cxx11::basic_string<char,")) return p.string(v);
            if (name.startsWith("std::vector<")) return p.vector(v);
            if (name.startsWith("std::basic_string_view<char,")) return p.stringView(v);
            if (name.startsWith("std::map<")) return p.tree(v, "std::map", true);
            if (name.startsWith("std::multimap<")) return p.tree(v, "std::multimap", true);
            if (name.startsWith("std::set<")) return p.tree(v, "std::set", false);
            if (name.startsWith("std::multiset<")) return p.tree(v, "std::multiset", false);
            if (name.startsWith("std::stack<")) return p.adapter(v, "std::stack");
            if (name.startsWith("std::queue<")) return p.adapter(v, "std::queue");
            if (name.startsWith("std::forward_list<")) return p.forwardList(v, s);
            if (name.startsWith("std::unordered_set<")) return p.hashtable(v, "std::unordered_set", false);
            if (name.startsWith("std::unique_ptr<")) return p.uniquePtr(v, s);
            if (name.startsWith("std::shared_ptr<")) return p.sharedPtr(v, s, "std::shared_ptr<");
            if (name.startsWith("std::weak_ptr<")) return p.sharedPtr(v, s, "std::weak_ptr<");
            if (name.startsWith("std::deque<")) return p.deque(v, s);
            if (name.startsWith("std::tuple<")) return p.tuple(v);
            if (name.startsWith("std::unordered_map<")) return p.hashtable(v, "std::unordered_map", true);
            if (name.startsWith("std::optional<")) return p.optional(v, s);
            if (name.startsWith("std::__cxx11::list<")) return p.list(v, s);
            return Optional.empty();
        } catch (JrrException | ArithmeticException | ClassCastException e) { // unexpected layout or unreadable memory
            return Optional.empty();
        }
    }

    /**
     * The element at {@code index} of a std::vector (gdb's operator[] xmethod, no bounds check
     * either), or empty when v is not a vector or its layout is unknown.
     */
    static Optional<Value> element(Value v, long index) {
        if (!(v.type().strip() instanceof Type.Struct s) || s.tagName() == null) return Optional.empty();
        if (s.tagName().startsWith("std::vector<")) {
            Optional<Value> start = find(v, "_M_start", 0);
            if (start.isEmpty() || !(start.get().type().strip() instanceof Type.Pointer p) || p.target().size() <= 0) return Optional.empty();
            Type elem = p.target();
            return Optional.of(Value.inMemory(elem, start.get().asLong() + index * elem.size(), v.target()));
        }
        return Optional.empty();
    }

    /**
     * The pointer a std::unique_ptr or std::shared_ptr holds (what gdb's operator* / operator->
     * xmethods use), or empty for any other value.
     */
    static Optional<Value> heldPointer(Value v) {
        if (!(v.type().strip() instanceof Type.Struct s) || s.tagName() == null) return Optional.empty();
        java.util.function.Predicate<Value> isPointer = x -> x.type().strip() instanceof Type.Pointer;
        // the deleter of a unique_ptr is also held in a member named _M_head_impl (an empty struct)
        if (s.tagName().startsWith("std::unique_ptr<")) return find(v, "_M_head_impl", isPointer, 0);
        if (s.tagName().startsWith("std::shared_ptr<")) return find(v, "_M_ptr", isPointer, 0);
        return Optional.empty();
    }

    private Optional<String> string(Value v) {
        Optional<Value> ptr = find(v, "_M_p", 0);
        Optional<Value> len = find(v, "_M_string_length", 0);
        if (ptr.isEmpty() || len.isEmpty()) return Optional.empty();
        return chars(v, ptr.get().asLong(), len.get().asLong());
    }

    private Optional<String> stringView(Value v) {
        Optional<Value> ptr = find(v, "_M_str", 0);
        Optional<Value> len = find(v, "_M_len", 0);
        if (ptr.isEmpty() || len.isEmpty()) return Optional.empty();
        return chars(v, ptr.get().asLong(), len.get().asLong());
    }

    /** n characters at address as gdb quotes a string (200-character limit), empty when n is not sane. */
    private static Optional<String> chars(Value v, long address, long n) {
        if (n < 0 || n > ValueFormatter.MAX_VALUE_SIZE) return Optional.empty();
        byte[] raw = v.target().readMemory(address, (int) n);
        List<Integer> chars = new ArrayList<>(raw.length);
        for (byte b : raw) chars.add(b & 0xff);
        return Optional.of(ValueFormatter.quoteChars(chars, ValueFormatter.PRINT_MAX));
    }

    /** std::tuple: element k is _M_head_impl of the _Head_base of the k-th _Tuple_impl in the base chain. */
    private Optional<String> tuple(Value v) {
        List<String> items = new ArrayList<>();
        Value level = tupleBase(v, "std::_Tuple_impl<"); // std::tuple's one base is _Tuple_impl<0, ...>
        for (int k = 0; level != null && k < 256; k++) {
            Value head = tupleBase(level, "std::_Head_base<");
            if (head == null) break;
            Optional<Value> element = find(head, "_M_head_impl", 0);
            if (element.isEmpty()) return Optional.empty();
            items.add("[" + (k + 1) + "] = " + f.format(element.get(), false, depth + 1));
            level = tupleBase(level, "std::_Tuple_impl<");
        }
        if (items.isEmpty()) return Optional.of("empty std::tuple");
        return Optional.of("std::tuple containing = " + braces(items, false));
    }

    /** The base class of v whose name starts with prefix, or null. */
    private static Value tupleBase(Value v, String prefix) {
        for (Type.Member m : ((Type.Struct) v.type().strip()).members()) {
            if (m.baseClass() && m.name() != null && m.name().startsWith(prefix)) return v.sub(m.type(), m.offset());
        }
        return null;
    }

    /** std::stack / std::queue: the container they wrap, member c. */
    private Optional<String> adapter(Value v, String kind) {
        Optional<Value> inner = find(v, "c", 0);
        if (inner.isEmpty() || !(inner.get().type().strip() instanceof Type.Struct is)) return Optional.empty();
        return format(f, inner.get(), is, depth).map(x -> kind + " wrapping: " + x);
    }

    /** std::forward_list: nodes from _M_head, each holding its value after its one link. */
    private Optional<String> forwardList(Value v, Type.Struct s) {
        Optional<Value> head = find(v, "_M_head", 0);
        if (head.isEmpty() || s.templateArgs().isEmpty()) return Optional.empty();
        Type elem = s.templateArgs().get(0);
        if (alignment(elem, 0) > 8) return Optional.empty();
        List<String> items = new ArrayList<>();
        long node = link(head.get(), "_M_next");
        int i = 0;
        for (; node != 0 && i < ValueFormatter.PRINT_MAX; i++) {
            items.add("[" + i + "] = " + f.format(Value.inMemory(elem, node + 8, v.target()), false, depth + 1));
            node = readPointer(v, node);
        }
        if (items.isEmpty()) return Optional.of("empty std::forward_list");
        return Optional.of("std::forward_list = " + braces(items, node != 0));
    }

    private Optional<String> vector(Value v) {
        Optional<Value> start = find(v, "_M_start", 0);
        Optional<Value> finish = find(v, "_M_finish", 0);
        Optional<Value> end = find(v, "_M_end_of_storage", 0);
        // vector<bool> keeps bit iterators here, not pointers: left to the raw form
        if (start.isEmpty() || finish.isEmpty() || end.isEmpty() || !(start.get().type().strip() instanceof Type.Pointer p)) return Optional.empty();
        long es = p.target().size();
        long a = start.get().asLong();
        long b = finish.get().asLong();
        long c = end.get().asLong();
        if (es <= 0 || b < a || c < b || (b - a) % es != 0 || (c - a) % es != 0) return Optional.empty();
        long length = (b - a) / es;
        String head = "std::vector of length " + length + ", capacity " + (c - a) / es;
        if (length == 0) return Optional.of(head);
        List<String> items = new ArrayList<>();
        for (long i = 0; i < Math.min(length, ValueFormatter.PRINT_MAX); i++) {
            items.add(f.format(Value.inMemory(p.target(), a + i * es, v.target()), false, depth + 1));
        }
        return Optional.of(head + " = " + braces(items, length > ValueFormatter.PRINT_MAX));
    }

    /** std::map / std::set: an in-order walk of the red-black tree from its header node. */
    private Optional<String> tree(Value v, String kind, boolean pairs) {
        Optional<Value> tree = find(v, "_M_t", 0);
        Optional<Value> header = find(v, "_M_header", 0);
        Optional<Value> count = find(v, "_M_node_count", 0);
        if (tree.isEmpty() || header.isEmpty() || count.isEmpty() || header.get().address().isEmpty()) return Optional.empty();
        if (!(tree.get().type().strip() instanceof Type.Struct ts) || ts.templateArgs().size() < 2) return Optional.empty();
        Type valueType = ts.templateArgs().get(1);
        if (alignment(valueType, 0) > 8) return Optional.empty(); // stored after the links at an offset we do not compute
        Type.Struct nodeBase = (Type.Struct) header.get().type().strip();
        long headerAddr = header.get().address().getAsLong();
        long n = count.get().asLong();
        if (n < 0 || n > MAX_NODES) return Optional.empty();
        String head = kind + " with " + n + (n == 1 ? " element" : " elements");
        if (n == 0) return Optional.of(head);
        List<String> items = new ArrayList<>();
        long node = link(header.get(), "_M_left");
        int limit = pairs ? ValueFormatter.PRINT_MAX / 2 : ValueFormatter.PRINT_MAX;
        for (long i = 0; i < n && i < limit; i++) {
            if (node == 0 || node == headerAddr) return Optional.empty(); // fewer nodes than counted
            Value val = Value.inMemory(valueType, node + nodeBase.size(), v.target());
            items.add(pairs ? pair(val) : "[" + i + "] = " + f.format(val, false, depth + 1));
            node = successor(Value.inMemory(nodeBase, node, v.target()), nodeBase);
        }
        return Optional.of(head + " = " + braces(items, n > limit));
    }

    private String pair(Value p) {
        Type.Struct ps = (Type.Struct) p.type().strip();
        Type.Member first = ps.member("first").orElseThrow(() -> new JrrException("no pair"));
        Type.Member second = ps.member("second").orElseThrow(() -> new JrrException("no pair"));
        return "[" + f.format(p.sub(first.type(), first.offset()), false, depth + 1) + "] = "
                + f.format(p.sub(second.type(), second.offset()), false, depth + 1);
    }

    private static long successor(Value node, Type.Struct base) {
        long right = link(node, "_M_right");
        if (right != 0) {
            long cur = right;
            for (int i = 0; i < MAX_NODES; i++) {
                long left = link(Value.inMemory(base, cur, node.target()), "_M_left");
                if (left == 0) return cur;
                cur = left;
            }
            throw new JrrException("tree too deep");
        }
        long cur = node.address().getAsLong();
        for (int i = 0; i < MAX_NODES; i++) {
            long parent = link(Value.inMemory(base, cur, node.target()), "_M_parent");
            if (link(Value.inMemory(base, parent, node.target()), "_M_right") != cur) return parent;
            cur = parent;
        }
        throw new JrrException("tree too deep");
    }

    private static long link(Value node, String name) {
        return find(node, name, 0).orElseThrow(() -> new JrrException("no " + name)).asLong();
    }

    private Optional<String> uniquePtr(Value v, Type.Struct s) {
        Optional<Value> ptr = heldPointer(v);
        if (ptr.isEmpty() || s.templateArgs().isEmpty()) return Optional.empty();
        return Optional.of("std::unique_ptr<" + s.templateArgs().get(0).name() + "> = {get() = " + f.format(ptr.get(), false, depth + 1) + "}");
    }

    private Optional<String> sharedPtr(Value v, Type.Struct s, String kind) {
        Optional<Value> ptr = find(v, "_M_ptr", 0);
        Optional<Value> counts = find(v, "_M_pi", 0);
        if (ptr.isEmpty() || counts.isEmpty() || s.templateArgs().isEmpty() || !(counts.get().type().strip() instanceof Type.Pointer cp)) return Optional.empty();
        String state;
        if (counts.get().asLong() == 0) {
            state = "empty";
        } else {
            Value base = Value.inMemory(cp.target(), counts.get().asLong(), v.target());
            Optional<Value> use = find(base, "_M_use_count", 0);
            Optional<Value> weak = find(base, "_M_weak_count", 0);
            if (use.isEmpty() || weak.isEmpty()) return Optional.empty();
            long u = use.get().asLong();
            long w = weak.get().asLong();
            // the weak count includes one reference held by all the owners together
            state = u == 0 ? "expired, weak count " + w : "use count " + u + ", weak count " + (w - 1);
        }
        return Optional.of(kind + s.templateArgs().get(0).name() + "> (" + state + ") = {get() = "
                + f.format(ptr.get(), false, depth + 1) + "}");
    }

    private Optional<String> optional(Value v, Type.Struct s) {
        Optional<Value> engaged = find(v, "_M_engaged", 0);
        Optional<Value> value = find(v, "_M_value", 0);
        if (engaged.isEmpty() || value.isEmpty() || s.templateArgs().isEmpty()) return Optional.empty();
        String head = "std::optional<" + s.templateArgs().get(0).name() + ">";
        if (engaged.get().asLong() == 0) return Optional.of(head + " [no contained value]");
        return Optional.of(head + " = {[contained value] = " + f.format(value.get(), false, depth + 1) + "}");
    }

    /** std::list: the nodes after the header node, each holding its value after the two links. */
    private Optional<String> list(Value v, Type.Struct s) {
        Optional<Value> header = find(v, "_M_node", 0);
        if (header.isEmpty() || header.get().address().isEmpty() || s.templateArgs().isEmpty()) return Optional.empty();
        Type elem = s.templateArgs().get(0);
        long headerAddr = header.get().address().getAsLong();
        Type.Struct nodeBase = baseOf(header.get());
        if (nodeBase == null) return Optional.empty();
        List<String> items = new ArrayList<>();
        long node = link(header.get(), "_M_next");
        int i = 0;
        for (; node != headerAddr && i < ValueFormatter.PRINT_MAX; i++) {
            if (node == 0) return Optional.empty();
            items.add("[" + i + "] = " + f.format(Value.inMemory(elem, node + nodeBase.size(), v.target()), false, depth + 1));
            node = link(Value.inMemory(nodeBase, node, v.target()), "_M_next");
        }
        String head = "std::__cxx11::list";
        if (items.isEmpty()) return Optional.of("empty " + head);
        return Optional.of(head + " = " + braces(items, node != headerAddr));
    }

    /** The type holding the two links: the header itself or its base class (_List_node_base). */
    private static Type.Struct baseOf(Value header) {
        Type.Struct hs = (Type.Struct) header.type().strip();
        for (Type.Member m : hs.members()) {
            if (m.baseClass() && m.type().strip() instanceof Type.Struct b && b.member("_M_next").isPresent()) return b;
        }
        return hs.member("_M_next").isPresent() ? hs : null;
    }

    /**
     * std::deque: the elements from the start iterator to the finish iterator, moving to the next
     * buffer of the map of buffers at each buffer's end (libstdc++'s buffer: 512 bytes, at least one element).
     */
    private Optional<String> deque(Value v, Type.Struct s) {
        Optional<Value> start = find(v, "_M_start", 0);
        Optional<Value> finish = find(v, "_M_finish", 0);
        if (start.isEmpty() || finish.isEmpty() || s.templateArgs().isEmpty()) return Optional.empty();
        Type elem = s.templateArgs().get(0);
        long es = elem.size();
        if (es <= 0) return Optional.empty();
        long perBuffer = es < 512 ? 512 / es : 1;
        long cur = link(start.get(), "_M_cur");
        long last = link(start.get(), "_M_last");
        long node = link(start.get(), "_M_node");
        long endCur = link(finish.get(), "_M_cur");
        long endFirst = link(finish.get(), "_M_first");
        long endNode = link(finish.get(), "_M_node");
        if (endNode < node || (endNode - node) % 8 != 0 || (last - cur) % es != 0 || (endCur - endFirst) % es != 0) return Optional.empty();
        long n = endNode == node ? (endCur - cur) / es : perBuffer * ((endNode - node) / 8 - 1) + (last - cur) / es + (endCur - endFirst) / es;
        if (n < 0) return Optional.empty();
        String head = "std::deque with " + n + (n == 1 ? " element" : " elements");
        if (n == 0) return Optional.of(head);
        List<String> items = new ArrayList<>();
        for (long i = 0; i < n && i < ValueFormatter.PRINT_MAX; i++) {
            if (cur == last) {
                node += 8;
                cur = readPointer(v, node);
                last = cur + perBuffer * es;
            }
            items.add(f.format(Value.inMemory(elem, cur, v.target()), false, depth + 1));
            cur += es;
        }
        return Optional.of(head + " = " + braces(items, n > ValueFormatter.PRINT_MAX));
    }

    /** std::unordered_map / set: the singly linked node list that starts after _M_before_begin. */
    private Optional<String> hashtable(Value v, String kind, boolean pairs) {
        Optional<Value> table = find(v, "_M_h", 0);
        Optional<Value> before = find(v, "_M_before_begin", 0);
        Optional<Value> count = find(v, "_M_element_count", 0);
        if (table.isEmpty() || before.isEmpty() || count.isEmpty() || !(table.get().type().strip() instanceof Type.Struct ts)
                || ts.templateArgs().size() < 2) return Optional.empty();
        Type valueType = ts.templateArgs().get(1);
        if (alignment(valueType, 0) > 8) return Optional.empty();
        long n = count.get().asLong();
        if (n < 0 || n > MAX_NODES) return Optional.empty();
        String head = kind + " with " + n + (n == 1 ? " element" : " elements");
        if (n == 0) return Optional.of(head);
        List<String> items = new ArrayList<>();
        long node = link(before.get(), "_M_nxt");
        int limit = pairs ? ValueFormatter.PRINT_MAX / 2 : ValueFormatter.PRINT_MAX;
        for (long i = 0; i < n && i < limit; i++) {
            if (node == 0) return Optional.empty(); // fewer nodes than counted
            // a node: its next link (8 bytes), then the value
            Value val = Value.inMemory(valueType, node + 8, v.target());
            items.add(pairs ? pair(val) : "[" + i + "] = " + f.format(val, false, depth + 1));
            node = readPointer(v, node);
        }
        return Optional.of(head + " = " + braces(items, n > limit));
    }

    private static long readPointer(Value v, long address) {
        byte[] b = v.target().readMemory(address, 8);
        return java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** The alignment a type needs (its widest scalar), enough to tell when 8 bytes are not enough. */
    private static long alignment(Type t, int level) {
        Type s = t.strip();
        if (level > 8) return Long.MAX_VALUE;
        if (s instanceof Type.Array a) return alignment(a.element(), level + 1);
        if (s instanceof Type.Struct st) {
            long max = 1;
            for (Type.Member m : st.members()) max = Math.max(max, alignment(m.type(), level + 1));
            return max;
        }
        return Math.max(1, s.size());
    }

    private static String braces(List<String> items, boolean more) {
        return "{" + String.join(", ", items) + (more ? "..." : "") + "}";
    }

    /** A member named {@code name} of v, looked for in v's members and bases, depth first. */
    static Optional<Value> find(Value v, String name, int level) {
        return find(v, name, x -> true, level);
    }

    /** As {@link #find(Value, String, int)}, the first such member that {@code accept} takes. */
    static Optional<Value> find(Value v, String name, java.util.function.Predicate<Value> accept, int level) {
        if (level > 8 || !(v.type().strip() instanceof Type.Struct s)) return Optional.empty();
        for (Type.Member m : s.members()) {
            if (m.isBitField() || m.baseClass() || !name.equals(m.name())) continue;
            Value mv = v.sub(m.type(), m.offset());
            if (accept.test(mv)) return Optional.of(mv);
        }
        for (Type.Member m : s.members()) {
            if (m.isBitField() || !(m.type().strip() instanceof Type.Struct)) continue;
            Optional<Value> inner = find(v.sub(m.type(), m.offset()), name, accept, level + 1);
            if (inner.isPresent()) return inner;
        }
        return Optional.empty();
    }
}
