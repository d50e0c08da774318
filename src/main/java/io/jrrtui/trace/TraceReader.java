package io.jrrtui.trace;

import io.jrrtui.util.JrrException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opens a trace directory for reading: header, events (with their data) and mappings. */
public final class TraceReader {
    private final Path dir;
    private final TraceInfo info;
    private final boolean incomplete;

    private TraceReader(Path dir, TraceInfo info, boolean incomplete) {
        this.dir = dir;
        this.info = info;
        this.incomplete = incomplete;
    }

    public static TraceReader open(Path dir) {
        if (!Files.exists(dir)) throw new JrrException("no trace at " + dir);
        if (!Files.isDirectory(dir)) throw new JrrException(dir + " is not a trace directory");
        try {
            dir = dir.toRealPath(); // latest-trace is a link; the replayed executable's path must be the real one
        } catch (java.io.IOException e) {
            throw new JrrException("cannot open trace " + dir + ": " + e.getMessage(), e);
        }
        TraceInfo info = TraceInfo.load(dir.resolve(TraceFormat.HEADER));
        boolean incomplete = Files.exists(dir.resolve(TraceFormat.INCOMPLETE));
        return new TraceReader(dir, info, incomplete);
    }

    public Path dir() {
        return dir;
    }

    public TraceInfo info() {
        return info;
    }

    /** True when the recording was interrupted: the trace is readable up to its last full block. */
    public boolean incomplete() {
        return incomplete;
    }

    /** The copy of the recorded executable kept in the trace. */
    public Path executable() {
        return dir.resolve(TraceFormat.EXE_COPY);
    }

    public EventCursor events() {
        return new EventCursor(open(TraceFormat.EVENTS), open(TraceFormat.DATA), incomplete);
    }

    public List<Mapping> mappings() {
        List<Mapping> out = new ArrayList<>();
        try (DataInputStream in = open(TraceFormat.MAPPINGS)) {
            Mapping m;
            while ((m = EventCodec.readMapping(in)) != null) out.add(m);
        } catch (IOException e) {
            if (!incomplete) throw new JrrException("corrupt trace: mappings stream: " + e.getMessage());
        }
        return out;
    }

    private DataInputStream open(String stream) {
        return new DataInputStream(new BufferedInputStream(
                new BlockStreamReader(dir.resolve(stream), stream, incomplete), 1 << 16));
    }

    /** Sequential access to the events, numbered from 1. */
    public static final class EventCursor implements AutoCloseable {
        private final DataInputStream events;
        private final DataInputStream data;
        private final boolean incomplete;
        private long next = 1;

        EventCursor(DataInputStream events, DataInputStream data, boolean incomplete) {
            this.events = events;
            this.data = data;
            this.incomplete = incomplete;
        }

        /** The next event, or null after the last one. */
        public Event next() {
            try {
                Event e = EventCodec.read(events, data, next);
                if (e != null) next++;
                return e;
            } catch (JrrException e) {
                if (incomplete) return null; // an interrupted recording ends where its data ends
                throw e;
            } catch (IOException e) {
                throw new JrrException("cannot read trace: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                events.close();
                data.close();
            } catch (IOException e) {
                // nothing to lose
            }
        }
    }
}
