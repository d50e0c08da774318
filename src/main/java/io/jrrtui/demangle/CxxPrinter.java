package io.jrrtui.demangle;

/**
 * Output buffer for printing C++ demangling trees, with the guards that keep a hostile name from
 * producing unbounded output or recursion (substitutions can make the tree a DAG that prints
 * exponentially).
 */
final class CxxPrinter {
    static final int MAX_OUTPUT = 1 << 16;
    static final int MAX_DEPTH = 400;

    final StringBuilder out = new StringBuilder();
    /** Element of the template argument pack being expanded, or -1 outside pack expansions. */
    int packIndex = -1;
    /** Largest pack size met while probing a pack expansion, or -1 when none was met. */
    int packSizeSeen = -1;
    /** Greater than 0 while printing a lambda's signature, where its template parameters read "auto:N". */
    int lambdaDepth;
    private int depth;
    /** Template arguments of the functions being printed, innermost first (what {@code T_} means). */
    final java.util.ArrayDeque<java.util.List<CxxNode>> templates = new java.util.ArrayDeque<>();

    /** While printing a template argument, {@code T_} inside it refers to the enclosing template. */
    java.util.List<CxxNode> enterArgument() {
        enter();
        return templates.poll();
    }

    void leaveArgument(java.util.List<CxxNode> top) {
        if (top != null) {
            templates.push(top);
        }
        leave();
    }

    /**
     * Set after an empty pack was dropped from a list: c++filt wrote and took back ", ", and its idea of
     * the last character stays ' ' (so no space goes between {@code >>}).
     */
    private boolean lastForgotten;

    /** Whether the last {@link #render} ended in the forgotten state (to re-apply after appending it). */
    boolean renderEndedForgotten;

    void forgetLast() {
        lastForgotten = true;
    }

    CxxPrinter append(String s) {
        if (!s.isEmpty()) {
            lastForgotten = false;
        }
        out.append(s);
        if (out.length() > MAX_OUTPUT) {
            throw new BadMangling("demangled name too long");
        }
        return this;
    }

    char last() {
        if (lastForgotten) {
            return ' ';
        }
        return out.length() == 0 ? 0 : out.charAt(out.length() - 1);
    }

    void enter() {
        if (++depth > MAX_DEPTH) {
            throw new BadMangling("nesting too deep");
        }
    }

    void leave() {
        depth--;
    }

    /** Prints {@code node} alone into a fresh string, keeping the pack state. */
    String render(CxxNode node) {
        int mark = out.length();
        boolean forgotten = lastForgotten;
        node.print(this);
        String s = out.substring(mark);
        out.setLength(mark);
        renderEndedForgotten = lastForgotten;
        lastForgotten = forgotten;
        return s;
    }
}
