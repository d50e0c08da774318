package io.jrrtui.trace;

import io.jrrtui.util.JrrException;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a trace directory: creates it under an {@code incomplete} marker, appends events and
 * mappings as they happen, and on {@link #finish} writes the final header and removes the marker.
 *
 * <p>Events are cut into blocks by time ({@link #FLUSH_NANOS} after the oldest unwritten event, also
 * from a timer thread while the program sleeps) and by size ({@link #FLUSH_BYTES}). A flush writes
 * mappings, then data, then events, then the index entry, so every complete events block only
 * refers to bytes already on disk: a recorder killed by any signal leaves a trace that replays to
 * its last complete events block. After the first failed write (a full disk) nothing more is
 * written: the trace stays a clean prefix and {@link #failure()} says why.
 */
public final class TraceWriter implements AutoCloseable {
    static final long FLUSH_NANOS = 500_000_000L;
    static final int FLUSH_BYTES = 1 << 20;
    private final Path dir;
    private TraceInfo info;
    private final BlockStreamWriter events;
    private final BlockStreamWriter data;
    private final BlockStreamWriter mappings;
    private final DataOutputStream index;
    private final Thread flusher;
    private long lastEvent;
    /** The first event not yet in a block, and when the oldest unwritten event was added. */
    private long firstPending = 1;
    private long pendingSince;
    private boolean closed;
    private IOException failure;

    public TraceWriter(Path dir, TraceInfo info) {
        this.dir = dir;
        this.info = info;
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(TraceFormat.INCOMPLETE), "recording in progress, or the recorder was killed before it could finish\n");
            info.store(dir.resolve(TraceFormat.HEADER));
            events = new BlockStreamWriter(dir.resolve(TraceFormat.EVENTS), TraceFormat.EVENTS);
            data = new BlockStreamWriter(dir.resolve(TraceFormat.DATA), TraceFormat.DATA);
            mappings = new BlockStreamWriter(dir.resolve(TraceFormat.MAPPINGS), TraceFormat.MAPPINGS);
            OutputStream ix = Files.newOutputStream(dir.resolve(TraceFormat.INDEX));
            index = new DataOutputStream(ix);
            EventIndex.writeHeader(index);
        } catch (IOException e) {
            throw new JrrException("cannot create trace in " + dir + ": " + e.getMessage(), e);
        }
        flusher = new Thread(this::flushWhileOpen, "trace-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }

    public Path dir() {
        return dir;
    }

    /** Updates the header (e.g. the pid once known). */
    public synchronized void updateInfo(TraceInfo newInfo) {
        this.info = newInfo;
        if (failure != null) return;
        try {
            info.store(dir.resolve(TraceFormat.HEADER));
        } catch (IOException e) {
            throw fail(e);
        }
    }

    public synchronized void write(Event e) {
        if (e.number() != lastEvent + 1) throw new IllegalStateException("event " + e.number() + " after " + lastEvent);
        if (failure != null) throw stopped();
        try {
            if (lastEvent + 1 == firstPending) pendingSince = System.nanoTime();
            data.labelSplitsWith(e.number());
            EventCodec.write(e, events.out(), data.out());
            lastEvent = e.number();
            if (events.pendingBytes() + data.pendingBytes() >= FLUSH_BYTES || System.nanoTime() - pendingSince >= FLUSH_NANOS) {
                flush();
            }
        } catch (IOException ex) {
            throw fail(ex);
        }
    }

    public synchronized void writeMapping(Mapping m) {
        if (failure != null) throw stopped();
        try {
            EventCodec.writeMapping(m, mappings.out());
        } catch (IOException ex) {
            throw fail(ex);
        }
    }

    public synchronized long lastEvent() {
        return lastEvent;
    }

    /** Why writing stopped (a full disk...), or null. */
    public synchronized String failure() {
        return failure == null ? null : describe(failure);
    }

    /** Writes the events added since the last block as one block (with their data and mappings). */
    private void flush() throws IOException {
        mappings.flushBlock(firstPending, 0, 0);
        long dataStart = data.fileOffset();
        data.flushBlock(firstPending, 0, 0);
        if (lastEvent < firstPending) return;
        long eventsStart = events.fileOffset();
        events.flushBlock(firstPending, (int) (lastEvent - firstPending + 1), dataStart);
        EventIndex.writeEntry(index, firstPending, eventsStart, dataStart);
        index.flush();
        firstPending = lastEvent + 1;
    }

    private void flushWhileOpen() {
        while (true) {
            try {
                Thread.sleep(FLUSH_NANOS / 4_000_000L);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (closed || failure != null) return;
                if (lastEvent >= firstPending && System.nanoTime() - pendingSince >= FLUSH_NANOS) {
                    try {
                        flush();
                    } catch (IOException e) {
                        failure = e; // the recorder's next write reports it
                    }
                }
            }
        }
    }

    private JrrException fail(IOException e) {
        if (failure == null) failure = e;
        return stopped();
    }

    private JrrException stopped() {
        return new JrrException("cannot write trace: " + describe(failure) + "; the trace keeps events 1 to "
                + (firstPending - 1), failure);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Flushes everything and marks the trace complete. */
    public synchronized void finish(int exitStatus, String reason) {
        try {
            close();
            if (failure != null) throw stopped();
            updateInfo(info.finished(lastEvent, exitStatus, reason));
            Files.deleteIfExists(dir.resolve(TraceFormat.INCOMPLETE));
        } catch (IOException e) {
            throw new JrrException("cannot finish trace: " + e.getMessage(), e);
        }
    }

    /** Flushes what there is (unless writing failed) and leaves the trace marked incomplete, with why. */
    public synchronized void abandon(String reason) {
        try {
            close();
            // after a failed write (full disk) the header stays as it was; the marker's page is
            // already allocated, so saying why usually still fits
            if (failure == null) updateInfo(info.interrupted(firstPending - 1, reason));
            Files.writeString(dir.resolve(TraceFormat.INCOMPLETE), reason + "\n");
        } catch (IOException | JrrException e) {
            // best effort: the trace stays marked incomplete
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) return;
        closed = true;
        flusher.interrupt();
        try {
            if (failure == null) flush();
        } catch (IOException e) {
            failure = e;
        } finally {
            closeQuietly(events, data, mappings, index);
        }
    }

    /** Closing after a failed write may fail again; the first failure is the one reported. */
    private void closeQuietly(AutoCloseable... all) {
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                if (failure == null) failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            }
        }
    }
}
