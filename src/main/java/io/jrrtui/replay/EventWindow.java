package io.jrrtui.replay;

import io.jrrtui.trace.Event;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.util.JrrException;

/**
 * The trace's events as the replay reads them, keeping the last {@link #CAP} decoded events (no
 * more than {@link #BYTES} of their data: events that carry read() data can be large), so
 * that restoring a checkpoint whose event is among them repositions without decoding again.
 * Reverse searches restore the same few checkpoints near the current position again and again:
 * those seeks cost nothing. A seek outside the window starts at the block holding the event,
 * found through the trace's event index.
 */
final class EventWindow implements AutoCloseable {
    /** Decoded events kept (a few tens of MB for small events). */
    static final int CAP = 1 << 18;
    static final long BYTES = 64L << 20;
    /** Further ahead than this, a seek goes through the trace's index instead of reading on. */
    static final long JUMP = 4096;

    private final TraceReader trace;
    private TraceReader.EventCursor source;
    /** How many events have been read from source (= the number of the last one read). */
    private long read;
    private final Event[] ring = new Event[CAP];
    private final int[] sizes = new int[CAP];
    /** The oldest event still held (events low + 1 .. read are in the ring), and their bytes. */
    private long low;
    private long bytes;
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
        int slot = (int) (read % CAP);
        if (read - low == CAP) forgetOldest();
        ring[slot] = e;
        sizes[slot] = sizeOf(e);
        bytes += sizes[slot];
        read++;
        position++;
        while (bytes > BYTES && read - low > 1) forgetOldest();
        return e;
    }

    private void forgetOldest() {
        int slot = (int) (low % CAP);
        bytes -= sizes[slot];
        ring[slot] = null;
        low++;
    }

    /** Roughly what an event holds on the heap: its fixed part and the data it carries. */
    private static int sizeOf(Event e) {
        long n = 256;
        if (e instanceof io.jrrtui.trace.SyscallEvent se) {
            for (io.jrrtui.trace.MemoryWrite w : se.writes()) n += w.length() + 32;
            if (se.output() != null) n += se.output().length;
        } else if (e instanceof io.jrrtui.trace.PreemptEvent pe) {
            for (io.jrrtui.trace.MemoryWrite w : pe.memory()) n += w.length() + 32;
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    /** Positions the window after event n (the next event read is n + 1). */
    void seek(long n) {
        if (n < low || n > read + JUMP) {
            // outside the window: start reading at n's block through the trace's event index
            source.close();
            source = trace.eventsAfter(n);
            java.util.Arrays.fill(ring, null);
            read = n;
            position = n;
            low = n;
            bytes = 0;
            return;
        }
        position = Math.min(n, read);
        while (position < n) {
            if (next() == null) throw new JrrException("the trace has fewer than " + n + " events");
        }
    }

    @Override
    public void close() {
        source.close();
    }
}
