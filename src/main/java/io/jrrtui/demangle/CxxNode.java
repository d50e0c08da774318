package io.jrrtui.demangle;

import java.util.List;

/**
 * A node of a demangled C++ name. Types print in two halves like C declarators: {@link #printLeft}
 * (everything before the declarator name) and {@link #printRight} (array bounds, parameter lists).
 */
abstract class CxxNode {
    void print(CxxPrinter p) {
        p.enter();
        printLeft(p);
        printRight(p);
        p.leave();
    }

    abstract void printLeft(CxxPrinter p);

    void printRight(CxxPrinter p) {
    }

    /** True for function and array types, whose declarator needs parentheses under a pointer. */
    boolean hasRight(CxxPrinter p) {
        return false;
    }

    boolean isArray(CxxPrinter p) {
        return false;
    }

    /** True for function types: a pointer or reference to one needs parentheses. */
    boolean isFunction(CxxPrinter p) {
        return false;
    }

    /** The node this one stands for (template parameters resolve to their argument). */
    CxxNode resolve(CxxPrinter p) {
        return this;
    }

    /**
     * Prints {@code items} comma-separated, skipping empty packs. Returns true when the list ended with
     * an empty pack after other items: c++filt then forgets the preceding {@code >}, which matters for
     * the {@code "> >"} spacing.
     */
    static boolean printList(CxxPrinter p, List<CxxNode> items) {
        boolean first = true;
        boolean endedWithSkipped = false;
        for (CxxNode n : items) {
            String s = p.render(n);
            boolean forgotten = p.renderEndedForgotten;
            if (s.isEmpty() && (n instanceof CxxNodes.PackExpansion || n instanceof CxxNodes.ArgPack
                    || n instanceof CxxNodes.TemplateParam)) {
                endedWithSkipped = !first;
                if (!first) {
                    p.forgetLast();
                }
                continue; // an empty pack contributes nothing, not an empty slot
            }
            endedWithSkipped = false;
            if (!first) {
                p.append(", ");
            }
            p.append(s);
            if (forgotten) {
                p.forgetLast();
            }
            first = false;
        }
        return endedWithSkipped;
    }
}
