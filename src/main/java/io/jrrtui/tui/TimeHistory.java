package io.jrrtui.tui;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Undo/redo of moves in time as event numbers (an event boundary, not the exact instruction inside
 * an event's interval: DebugSession can return exactly only to a checkpoint). Bounded.
 */
final class TimeHistory {
    static final int LIMIT = 1000;
    private final Deque<Long> back = new ArrayDeque<>();
    private final Deque<Long> forward = new ArrayDeque<>();

    /** Remembers where we were before a move; a new move forgets the redo list. */
    void moved(long from) {
        if (from < 1) return;
        if (back.isEmpty() || back.peek().longValue() != from) back.push(from);
        if (back.size() > LIMIT) back.removeLast();
        forward.clear();
    }

    /** The event to go back to (remembering now for redo), or -1. */
    long undo(long now) {
        if (back.isEmpty()) return -1;
        forward.push(now);
        return back.pop();
    }

    long redo(long now) {
        if (forward.isEmpty()) return -1;
        back.push(now);
        return forward.pop();
    }
}
