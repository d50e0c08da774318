package io.jrrtui.dap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * variablesReference numbers for the current stop: each names a scope, a structured value or a pointer and
 * how to list its members. DAP says references die when the program moves; {@link #clear()} then.
 */
final class VariableStore {
    /** A listed variable: name, print's text, the expression that prints it again (or null). */
    record Entry(String name, String value, String expression) {}

    private final Map<Integer, Supplier<List<Entry>>> containers = new HashMap<>();
    /** Prints an expression as {@code print} does (for what a pointer points to). */
    private final java.util.function.UnaryOperator<String> printer;
    /** The expression of each container's members by name, for dataBreakpointInfo. */
    private final Map<Integer, Map<String, String>> expressions = new HashMap<>();
    private int next = 1;

    VariableStore(java.util.function.UnaryOperator<String> printer) {
        this.printer = printer;
    }

    void clear() {
        containers.clear();
        expressions.clear();
    }

    int add(Supplier<List<Entry>> members) {
        int ref = next++;
        containers.put(ref, members);
        return ref;
    }

    /**
     * A reference for a value's members (0 when it has none): a structured value's fields or
     * elements, or for a data pointer the value it points to (as {@code print *EXPR} shows it).
     */
    int forValue(String value, String expression) {
        if (ValueText.pointer(value) && expression != null) {
            String target = "*" + expression;
            return add(() -> {
                String pointee;
                try {
                    pointee = printer.apply(target);
                } catch (io.jrrtui.util.JrrException e) {
                    pointee = "<" + e.getMessage() + ">";
                }
                return List.of(new Entry(target, pointee, target));
            });
        }
        if (!ValueText.structured(value)) return 0;
        return add(() -> {
            List<Entry> out = new ArrayList<>();
            for (ValueText.Member m : ValueText.members(value)) {
                out.add(new Entry(m.name(), m.value(), ValueText.memberExpression(expression, m.name())));
            }
            return out;
        });
    }

    /** The members of a reference; null when it is unknown or stale. */
    List<Entry> members(int ref) {
        Supplier<List<Entry>> s = containers.get(ref);
        if (s == null) return null;
        List<Entry> list = s.get();
        Map<String, String> names = new HashMap<>();
        for (Entry e : list) names.put(e.name(), e.expression());
        expressions.put(ref, names);
        return list;
    }

    /** The expression of a member listed under ref, or null. */
    String expression(int ref, String name) {
        Map<String, String> names = expressions.get(ref);
        return names == null ? null : names.get(name);
    }
}
