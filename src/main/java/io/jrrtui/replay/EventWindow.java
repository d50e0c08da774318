package io.jrrtui.replay;

import io.jrrtui.trace.Event;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.util.JrrException;

/**
 * The trace's events as the replay reads them, keeping the last {@link #CAP} decoded events, so
 * that restoring a checkpoint whose event is among them repositions without reading the trace from
 * its start (the event stream is compressed and has no index here). Reverse searches restore the
 * same few checkpoints near the current position again and again: those seeks cost nothing.
 * Seeking before the window re-reads the trace from the start.
 */
final class EventWindow implements AutoCloseable {
    /** Decoded events kept (a few tens of MB for small events). */
    static final int CAP = 1 << 18;

    private final TraceReader trace;
    private TraceReader.EventCursor source;
    /** How many events have been read from source (= the number of the last one read). */
    private long read;
    private final Event[] ring = new Event[CAP];
    /** How many events the replay has consumed: the next one it gets is event position + 1. */
    private long position;

    EventWindow(TraceReader trace) {
        this.trace = trace;
        this.source = trace.events();
    }

    /** The next event, or null at the end of the trace. */
    Event next() {
        if (position < read) return ring[(int) (position++ % CAP)];
        Event e = source.next();
        if (e == null) return null;
        ring[(int) (read % CAP)] = e;
        read++;
        position++;
        return e;
    }

    /** Positions the window after event n (the next event read is n + 1). */
    void seek(long n) {
        if (n < Math.max(0, read - CAP)) {
            source.close();
            source = trace.events();
            read = 0;
            position = 0;
        } else {
            position = Math.min(n, read);
        }
        while (position < n) {
            if (next() == null) throw new JrrException("the trace has fewer than " + n + " events");
        }
    }

    @Override
    public void close() {
        source.close();
    }
}
