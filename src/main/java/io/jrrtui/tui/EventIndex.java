package io.jrrtui.tui;

import io.jrrtui.api.DebugSession;
import io.jrrtui.api.EventSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the timeline and the scrubber know about the recording's events. For every event (up to
 * {@link #MAX_EVENTS}) only its thread and whether it wrote output are kept, in arrays; the full
 * summaries are kept for one window of events around what the Timeline pane shows, fetched again
 * on the worker when the pane moves elsewhere. So a recording with millions of events costs a few
 * bytes per event. GUI thread, except {@link #load} and {@link #fetch} (worker).
 */
final class EventIndex {
    static final int MAX_EVENTS = 4_000_000;
    /** Events read per call while loading. */
    private static final int CHUNK = 10_000;
    /** Events around the requested ones that a window fetch adds, so scrolling rarely waits. */
    static final int WINDOW_MARGIN = 500;

    private final long count;
    private final int[] tids;
    private final byte[] streams;
    /** Events that delivered a signal (kind "signal"). */
    private final java.util.BitSet signals;
    private final Set<Integer> threads = new TreeSet<>();
    private List<EventSummary> window;
    private long windowFirst;

    private EventIndex(long count, int[] tids, byte[] streams, java.util.BitSet signals, List<EventSummary> window, long windowFirst) {
        this.count = count;
        this.tids = tids;
        this.streams = streams;
        this.signals = signals;
        for (int t : tids) threads.add(t);
        setWindow(windowFirst, window);
    }

    static EventIndex empty() {
        return new EventIndex(0, new int[0], new byte[0], new java.util.BitSet(), List.of(), 1);
    }

    /** Reads every event's thread and output stream, and the summaries of the first window. */
    static EventIndex load(DebugSession session) {
        long count = session.eventCount();
        int known = (int) Math.min(count, MAX_EVENTS);
        int[] tids = new int[known];
        byte[] streams = new byte[known];
        java.util.BitSet signals = new java.util.BitSet();
        List<EventSummary> first = new ArrayList<>();
        for (long from = 1; from <= known; from += CHUNK) {
            List<EventSummary> part = session.events(from, Math.min(known, from + CHUNK - 1));
            if (part.isEmpty()) break;
            for (EventSummary e : part) {
                if (e.number() < 1 || e.number() > known) continue;
                tids[(int) (e.number() - 1)] = e.tid();
                streams[(int) (e.number() - 1)] = (byte) e.outputStream();
                if (e.kind().equals("signal")) signals.set((int) (e.number() - 1));
                if (e.number() <= 2 * WINDOW_MARGIN) first.add(e);
            }
        }
        return new EventIndex(count, tids, streams, signals, first, 1);
    }

    /** The summaries of first..last and a margin around them (worker thread). */
    static List<EventSummary> fetch(DebugSession session, long first, long last) {
        return session.events(Math.max(1, first - WINDOW_MARGIN), last + WINDOW_MARGIN);
    }

    void setWindow(long first, List<EventSummary> events) {
        window = List.copyOf(events);
        windowFirst = events.isEmpty() ? first : events.get(0).number();
    }

    long count() {
        return count;
    }

    /** The summary of event n when it is in the window, else null. */
    EventSummary get(long n) {
        long i = n - windowFirst;
        if (i < 0 || i >= window.size()) return null;
        EventSummary e = window.get((int) i);
        return e.number() == n ? e : null;
    }

    /** Whether first..last (clipped to the recording) are all in the window. */
    boolean covers(long first, long last) {
        long to = Math.min(last, count);
        return first > to || (get(Math.max(1, first)) != null && get(to) != null);
    }

    /** The thread of event n, or 0 when unknown. */
    int tid(long n) {
        return n >= 1 && n <= tids.length ? tids[(int) (n - 1)] : 0;
    }

    /** The output stream event n wrote to (1, 2), or 0. */
    int outputStream(long n) {
        return n >= 1 && n <= streams.length ? streams[(int) (n - 1)] : 0;
    }

    /** Whether event n delivered a signal. */
    boolean signal(long n) {
        return n >= 1 && n <= streams.length && signals.get((int) (n - 1));
    }

    /** How many events have their thread and output known (all, up to MAX_EVENTS). */
    int known() {
        return tids.length;
    }

    /** Thread ids that appear in the recording. */
    Set<Integer> threads() {
        return threads;
    }
}
