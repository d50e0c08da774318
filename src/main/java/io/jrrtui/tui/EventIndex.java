package io.jrrtui.tui;

import io.jrrtui.api.DebugSession;
import io.jrrtui.api.EventSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The recording's event summaries for the timeline and the scrubber, read once (worker thread)
 * in chunks. Recordings longer than {@link #MAX_EVENTS} keep only the first MAX_EVENTS rows; the
 * scrubber then shows the position only past them.
 */
final class EventIndex {
    static final int MAX_EVENTS = 500_000;
    private static final int CHUNK = 10_000;

    private final long count;
    private final List<EventSummary> events;
    private final Set<Integer> threads = new TreeSet<>();

    private EventIndex(long count, List<EventSummary> events) {
        this.count = count;
        this.events = events;
        for (EventSummary e : events) threads.add(e.tid());
    }

    static EventIndex empty() {
        return new EventIndex(0, List.of());
    }

    static EventIndex load(DebugSession session) {
        long count = session.eventCount();
        long last = Math.min(count, MAX_EVENTS);
        List<EventSummary> all = new ArrayList<>();
        for (long first = 1; first <= last; first += CHUNK) {
            List<EventSummary> part = session.events(first, Math.min(last, first + CHUNK - 1));
            if (part.isEmpty()) break;
            all.addAll(part);
        }
        return new EventIndex(count, List.copyOf(all));
    }

    long count() {
        return count;
    }

    /** The summary of event n, or null when not loaded. */
    EventSummary get(long n) {
        if (n < 1 || n > events.size()) return null;
        EventSummary e = events.get((int) (n - 1));
        return e.number() == n ? e : find(n);
    }

    private EventSummary find(long n) {
        for (EventSummary e : events) if (e.number() == n) return e;
        return null;
    }

    /** Thread ids that appear in the recording. */
    Set<Integer> threads() {
        return threads;
    }
}
