package io.jrrtui.tui;

import java.util.Set;
import java.util.TreeSet;

/**
 * The events where this session saw the program stop or a watched location change, for the
 * scrubber's marks: breakpoint stops, and watchpoint writes (stops, and the writes a value's history
 * found over the whole recording). GUI thread only.
 */
record Stops(Set<Long> breakpoints, Set<Long> writes) {
    Stops() {
        this(new TreeSet<>(), new TreeSet<>());
    }

    /** Grows whenever a mark is added: the scrubber redraws its bar then. */
    int size() {
        return breakpoints.size() + writes.size();
    }

    boolean contains(long n) {
        return breakpoints.contains(n) || writes.contains(n);
    }
}
