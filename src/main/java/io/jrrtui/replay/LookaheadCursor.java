package io.jrrtui.replay;

import io.jrrtui.trace.Event;

/** The trace's events with one event of lookahead (to raise a signal before it is due). */
final class LookaheadCursor implements AutoCloseable {
    private final EventWindow cursor;
    private Event peeked;
    private boolean hasPeeked;

    LookaheadCursor(EventWindow cursor) {
        this.cursor = cursor;
    }

    Event peek() {
        if (!hasPeeked) {
            peeked = cursor.next();
            hasPeeked = true;
        }
        return peeked;
    }

    /** Puts back the event just taken, so the next call returns it again. */
    void pushBack(Event e) {
        if (hasPeeked) throw new IllegalStateException("lookahead already full");
        peeked = e;
        hasPeeked = true;
    }

    Event next() {
        Event e = peek();
        hasPeeked = false;
        return e;
    }

    @Override
    public void close() {
        cursor.close();
    }
}
