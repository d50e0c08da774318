package io.jrrtui.trace;

import io.jrrtui.util.JrrException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens a trace directory for reading: header, events (with their data) and mappings. Events can be
 * read from the start or from any event number ({@link #eventsAfter}), which starts at the block
 * the {@link EventIndex} names instead of decoding everything before it.
 */
public final class TraceReader {
    private final Path dir;
    private final TraceInfo info;
    private final boolean incomplete;
    private EventIndex index;

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

    /** Why the recording is incomplete (the marker's text, e.g. the recorder's error), or "". */
    public String incompleteReason() {
        if (!incomplete) return "";
        try {
            String s = Files.readString(dir.resolve(TraceFormat.INCOMPLETE)).strip();
            return s.length() > 200 ? s.substring(0, 200) : s;
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Events in the complete blocks, counted from the block labels without decoding: what an
     * interrupted recording holds. For a finished trace, the header's count.
     */
    public long recoverableEvents() {
        if (!incomplete) return info.eventCount();
        List<BlockLabel> ev = BlockLabel.scan(dir.resolve(TraceFormat.EVENTS), true);
        List<BlockLabel> data = BlockLabel.scan(dir.resolve(TraceFormat.DATA), false);
        long dataEnd = data.isEmpty() ? Long.MAX_VALUE : data.get(data.size() - 1).end();
        long n = 0;
        for (BlockLabel b : ev) {
            if (b.dataOffset() > dataEnd) break; // its bulk bytes were never written completely
            n = b.firstEvent() + b.eventCount() - 1;
        }
        return n;
    }

    /**
     * Where to read a file the recording used by absolute path (a shared library, its debug file, a
     * source file): the trace's own copy ({@code sysroot/PATH}, from pack or import) when it has
     * one, else the path on this machine.
     */
    public Path localCopy(String absolutePath) {
        Path sysroot = dir.resolve(TraceFormat.SYSROOT);
        if (absolutePath.startsWith("/") && absolutePath.indexOf('\0') < 0) {
            Path copy = sysroot.resolve(absolutePath.substring(1)).normalize();
            if (copy.startsWith(sysroot) && Files.exists(copy)) return copy;
        }
        return Path.of(absolutePath);
    }

    /** The copy of the recorded executable kept in the trace. */
    public Path executable() {
        return dir.resolve(TraceFormat.EXE_COPY);
    }

    public EventCursor events() {
        return eventsAfter(0);
    }

    /**
     * The exec events after the first (a program exec'ing another), in event order. Found without
     * reading the events: the recorder keeps a copy of each exec'd program named after its event
     * ({@code exe-N}, which replay needs), and each event is then read by seeking to it.
     */
    public List<ExecEvent> laterExecs() {
        List<ExecEvent> out = new ArrayList<>();
        String prefix = TraceFormat.EXE_COPY + "-";
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (!name.startsWith(prefix) || !name.substring(prefix.length()).matches("\\d+")) continue;
                long n = Long.parseLong(name.substring(prefix.length()));
                try (EventCursor c = eventsAfter(n - 1)) {
                    if (c.next() instanceof ExecEvent x && x.number() == n) out.add(x);
                }
            }
        } catch (IOException e) {
            throw new JrrException("cannot list trace " + dir + ": " + e.getMessage(), e);
        }
        out.sort(java.util.Comparator.comparingLong(ExecEvent::number));
        return out;
    }

    /** A cursor whose first {@link EventCursor#next()} is event {@code n + 1}. */
    public EventCursor eventsAfter(long n) {
        if (n < 0) throw new JrrException("no event " + n);
        long start = 1;
        long eventsAt = 0;
        long dataAt = 0;
        if (n > 0 && streamVersion() >= 3) {
            EventIndex ix = index();
            int b = ix.blockFor(n + 1);
            if (b >= 0 && !ix.verified(dir, b)) {
                ix = rebuiltIndex();
                b = ix.blockFor(n + 1);
            }
            if (b >= 0) {
                start = ix.firstEvent(b);
                eventsAt = ix.eventsOffset(b);
                dataAt = ix.dataOffset(b);
            }
        }
        BlockStreamReader ev = new BlockStreamReader(dir.resolve(TraceFormat.EVENTS), TraceFormat.EVENTS, incomplete, eventsAt);
        BlockStreamReader data = new BlockStreamReader(dir.resolve(TraceFormat.DATA), TraceFormat.DATA, incomplete, dataAt);
        EventCursor c = new EventCursor(ev, data, start, incomplete ? -1 : info.eventCount(), new EventCodec.ContentSource() {
            @Override
            public byte[] load(byte[] hash, int length, long event) throws IOException {
                return loadStored(hash, length, event);
            }

            @Override
            public byte[] loadShared(byte[] hash, int length, long event) throws IOException {
                return readFiles.get(hash, length, () -> loadStored(hash, length, event));
            }
        });
        while (c.next <= n) {
            if (c.next() == null) {
                c.close();
                throw new JrrException("the trace has fewer than " + n + " events (" + c.endDescription() + ")");
            }
        }
        return c;
    }

    /** The file stores this trace's contents may be in: its own first, then its trace store's shared one. */
    public List<FileStore> contentStores() {
        return List.of(FileStore.ownOf(dir), FileStore.sharedIn(dir.getParent()));
    }

    /** Contents of files read by reference: each is named by many buffered-call events. */
    private final RecentContents readFiles = new RecentContents(256L << 20);

    private byte[] loadStored(byte[] hash, int length, long event) throws IOException {
        String hex = FileStore.hex(hash);
        List<FileStore> stores = contentStores();
        for (FileStore s : stores) {
            byte[] b = s.get(hex, length);
            if (b != null) return b;
        }
        throw new CorruptTraceException("event " + event + " refers to stored file contents " + hex.substring(0, 16)
                + "... that are in neither " + stores.get(0).dir() + " nor " + stores.get(1).dir()
                + " (a recording moved out of its trace store needs 'jrrtui pack' or 'export' first)");
    }

    private synchronized EventIndex index() {
        if (index == null) index = EventIndex.load(dir);
        return index;
    }

    private synchronized EventIndex rebuiltIndex() {
        index = EventIndex.fromLabels(dir);
        return index;
    }

    private int streamVersion() {
        try (BlockStreamReader r = new BlockStreamReader(dir.resolve(TraceFormat.EVENTS), TraceFormat.EVENTS, true, 0)) {
            return r.version();
        } catch (IOException e) {
            return 0;
        }
    }

    public List<Mapping> mappings() {
        List<Mapping> out = new ArrayList<>();
        try (DataInputStream in = open(TraceFormat.MAPPINGS)) {
            Mapping m;
            while ((m = EventCodec.readMapping(in)) != null) out.add(m);
        } catch (IOException e) {
            if (!incomplete) throw new CorruptTraceException("mappings stream: " + e.getMessage());
        } catch (JrrException e) {
            if (!incomplete) throw e;
        }
        return out;
    }

    private DataInputStream open(String stream) {
        return new DataInputStream(new BufferedInputStream(
                new BlockStreamReader(dir.resolve(stream), stream, incomplete, 0), 1 << 16));
    }

    /** Sequential access to the events, numbered from 1. */
    public static final class EventCursor implements AutoCloseable {
        private final BlockStreamReader eventBlocks;
        private final BlockStreamReader dataBlocks;
        private final DataInputStream events;
        private final DataInputStream data;
        private final EventCodec.ContentSource stored;
        /** The event count a finished trace's header promises, or -1 for an interrupted one. */
        private final long promised;
        private long next;
        private String stopNote;

        EventCursor(BlockStreamReader events, BlockStreamReader data, long first, long promised, EventCodec.ContentSource stored) {
            this.stored = stored;
            this.eventBlocks = events;
            this.dataBlocks = data;
            this.events = new DataInputStream(new BufferedInputStream(events, 1 << 16));
            this.data = new DataInputStream(new BufferedInputStream(data, 1 << 16));
            this.next = first;
            this.promised = promised;
        }

        /** The next event, or null after the last one. */
        public Event next() {
            if (stopNote != null) return null;
            try {
                Event e = EventCodec.read(events, data, next, stored);
                if (e != null) {
                    next++;
                    return e;
                }
                if (promised >= 0 && next - 1 != promised) {
                    throw new CorruptTraceException("its events end after event " + (next - 1) + " but its header says "
                            + promised);
                }
                stopNote = "";
                return null;
            } catch (JrrException e) {
                if (promised >= 0) throw e;
                stopNote = e.getMessage().replaceFirst("^corrupt trace: ", ""); // an interrupted recording ends where its data ends
                return null;
            } catch (IOException e) {
                throw new JrrException("cannot read trace: " + e.getMessage(), e);
            }
        }

        /**
         * Where and why the events ended: after which event, and for an interrupted recording
         * the damaged or cut-short block that ended it.
         */
        public String endDescription() {
            String note = eventBlocks.endNote() != null ? eventBlocks.endNote()
                    : dataBlocks.endNote() != null ? dataBlocks.endNote() : stopNote;
            return "the trace ends after event " + (next - 1)
                    + (note == null || note.isEmpty() ? "" : ": " + note);
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
