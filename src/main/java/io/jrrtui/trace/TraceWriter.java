package io.jrrtui.trace;

import io.jrrtui.util.JrrException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a trace directory: creates it under an {@code incomplete} marker, appends events and
 * mappings as they happen, and on {@link #finish} writes the final header and removes the marker.
 */
public final class TraceWriter implements AutoCloseable {
    private final Path dir;
    private TraceInfo info;
    private final BlockStreamWriter events;
    private final BlockStreamWriter data;
    private final BlockStreamWriter mappings;
    private long lastEvent;
    private boolean finished;

    public TraceWriter(Path dir, TraceInfo info) {
        this.dir = dir;
        this.info = info;
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(TraceFormat.INCOMPLETE), "recording in progress or interrupted\n");
            info.store(dir.resolve(TraceFormat.HEADER));
            events = new BlockStreamWriter(dir.resolve(TraceFormat.EVENTS), TraceFormat.EVENTS, 256 << 10);
            data = new BlockStreamWriter(dir.resolve(TraceFormat.DATA), TraceFormat.DATA, 4 << 20);
            mappings = new BlockStreamWriter(dir.resolve(TraceFormat.MAPPINGS), TraceFormat.MAPPINGS, 64 << 10);
        } catch (IOException e) {
            throw new JrrException("cannot create trace in " + dir + ": " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Updates the header (e.g. the pid once known). */
    public void updateInfo(TraceInfo newInfo) {
        this.info = newInfo;
        try {
            info.store(dir.resolve(TraceFormat.HEADER));
        } catch (IOException e) {
            throw new JrrException("cannot write trace header: " + e.getMessage(), e);
        }
    }

    public void write(Event e) {
        if (e.number() != lastEvent + 1) throw new IllegalStateException("event " + e.number() + " after " + lastEvent);
        try {
            EventCodec.write(e, events.out(), data.out());
            events.endRecord();
            data.endRecord();
        } catch (IOException ex) {
            throw new JrrException("cannot write trace: " + ex.getMessage(), ex);
        }
        lastEvent = e.number();
    }

    public void writeMapping(Mapping m) {
        try {
            EventCodec.writeMapping(m, mappings.out());
            mappings.endRecord();
        } catch (IOException ex) {
            throw new JrrException("cannot write trace: " + ex.getMessage(), ex);
        }
    }

    public long lastEvent() {
        return lastEvent;
    }

    /** Flushes everything and marks the trace complete. */
    public void finish(int exitStatus, String reason) {
        try {
            close();
            updateInfo(info.finished(lastEvent, exitStatus, reason));
            Files.deleteIfExists(dir.resolve(TraceFormat.INCOMPLETE));
            finished = true;
        } catch (IOException e) {
            throw new JrrException("cannot finish trace: " + e.getMessage(), e);
        }
    }

    /** Flushes what there is and leaves the trace marked incomplete, with why. */
    public void abandon(String reason) {
        try {
            close();
            updateInfo(info.interrupted(lastEvent, reason));
            Files.writeString(dir.resolve(TraceFormat.INCOMPLETE), reason + "\n");
        } catch (IOException e) {
            // best effort: the trace stays marked incomplete
        }
    }

    @Override
    public void close() throws IOException {
        if (finished) return;
        events.close();
        data.close();
        mappings.close();
        finished = true;
    }
}
