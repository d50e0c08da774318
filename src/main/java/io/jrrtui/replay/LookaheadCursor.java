package io.jrrtui.replay;

import io.jrrtui.trace.Event;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.Predicate;

/**
 * The trace's events with lookahead: one event to raise a signal before it is due, or further, to
 * find the result of a call that must run at its entry (execve while another task goes on).
 */
final class LookaheadCursor implements AutoCloseable {
    private final EventWindow cursor;
    /** Events read from the trace but not yet taken; null at the end marks the end of the trace. */
    private final ArrayDeque<Event> ahead = new ArrayDeque<>();
    private boolean ended;

    LookaheadCursor(EventWindow cursor) {
        this.cursor = cursor;
    }

    Event peek() {
        return ahead.isEmpty() ? readOne() : ahead.peekFirst();
    }

    /** Puts back the event just taken, so the next call returns it again. */
    void pushBack(Event e) {
        if (e != null) ahead.addFirst(e);
    }

    Event next() {
        if (ahead.isEmpty()) readOne();
        return ahead.pollFirst();
    }

    /**
     * The first event not yet taken that matches, reading at most limit events ahead; null when
     * none does within that (the events stay to be taken in order).
     */
    Event find(Predicate<Event> match, int limit) {
        Iterator<Event> it = ahead.iterator();
        int seen = 0;
        for (; it.hasNext(); seen++) {
            Event e = it.next();
            if (match.test(e)) return e;
        }
        for (; seen < limit && !ended; seen++) {
            Event e = cursor.next();
            if (e == null) {
                ended = true;
                return null;
            }
            ahead.addLast(e);
            if (match.test(e)) return e;
        }
        return null;
    }

    private Event readOne() {
        if (ended) return null;
        Event e = cursor.next();
        if (e == null) ended = true;
        else ahead.addLast(e);
        return e;
    }

    @Override
    public void close() {
        cursor.close();
    }
}
