package io.jrrtui.trace;

import io.jrrtui.util.JrrException;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
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
 * written: the trace stays a clean prefix and {@link #failure()} says why. Blocks are compressed and
 * written by a {@link BlockWriterThread} (in the order cut), so the recorder does not wait for zstd
 * and the disk; a failed write is reported at the recorder's next write, and {@link #close} waits
 * for every queued block.
 *
 * <p>Memory writes of at least {@link #MIN_STORED} bytes (mapped files, large reads) go to a
 * content-addressed {@link FileStore} instead of the data stream, referred to by hash and listed in
 * the trace's {@code file-refs}: the store's shared one, so a second recording of the same program
 * adds only what differs, or the trace's own when it is recorded outside a store.
 */
public final class TraceWriter implements AutoCloseable {
    static final long FLUSH_NANOS = 500_000_000L;
    static final int FLUSH_BYTES = 1 << 20;
    /** Smaller writes stay inline: one stored file per small read would cost more than it saves. */
    public static final int MIN_STORED = 16 << 10;
    private final Path dir;
    private final FileStore contents;
    /**
     * The user's cache of compressed mapped-file contents (null: none): a library mapped by every
     * recording is compressed once, not into each self-contained trace again (issue 13: 10-15 ms of
     * a short recording's CPU went to zstd for the loader's libraries).
     */
    private final FileStore mappedCache;
    /** Held shared while recording, so that {@code rm} never collects contents this trace may use. */
    private final FileLock contentsLock;
    private final Writer refs;
    private final Set<String> referenced = new HashSet<>();
    /**
     * Bytes of stored contents the pending events refer to: they count towards {@link #FLUSH_BYTES}
     * like inline data, so a full disk still leaves blocks of events behind (not only contents).
     */
    private long pendingStored;
    private TraceInfo info;
    private final BlockStreamWriter events;
    private final BlockStreamWriter data;
    private final BlockStreamWriter mappings;
    private final DataOutputStream index;
    private final BlockWriterThread worker = new BlockWriterThread("trace-block-writer");
    /** The last event in a block on disk (written by the worker thread). */
    private volatile long durableThrough;
    private final Thread flusher;
    private long lastEvent;
    /** The first event not yet in a block, and when the oldest unwritten event was added. */
    private long firstPending = 1;
    private long pendingSince;
    private boolean closed;
    private IOException failure;

    /** A self-contained trace: large contents go to the trace's own file store. */
    public TraceWriter(Path dir, TraceInfo info) {
        this(dir, info, null);
    }

    /** A recording of a trace store, sharing contents with the store's other recordings ({@code shared} non-null). */
    public TraceWriter(Path dir, TraceInfo info, FileStore shared) {
        this.dir = dir;
        this.info = info;
        this.contents = shared != null ? shared : FileStore.ownOf(dir);
        // a store's shared contents already keep a library once for all its recordings
        this.mappedCache = shared == null ? mappedFilesCache() : null;
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(TraceFormat.INCOMPLETE), "recording in progress, or the recorder was killed before it could finish\n");
            info.store(dir.resolve(TraceFormat.HEADER));
            events = new BlockStreamWriter(dir.resolve(TraceFormat.EVENTS), TraceFormat.EVENTS, worker);
            data = new BlockStreamWriter(dir.resolve(TraceFormat.DATA), TraceFormat.DATA, worker);
            mappings = new BlockStreamWriter(dir.resolve(TraceFormat.MAPPINGS), TraceFormat.MAPPINGS, worker);
            OutputStream ix = Files.newOutputStream(dir.resolve(TraceFormat.INDEX));
            index = new DataOutputStream(ix);
            EventIndex.writeHeader(index);
            refs = Files.newBufferedWriter(dir.resolve(FileRefs.FILE), StandardCharsets.US_ASCII);
            contentsLock = shared != null ? shared.lockShared() : null;
        } catch (IOException e) {
            worker.close();
            throw new JrrException("cannot create trace in " + dir + ": " + e.getMessage(), e);
        }
        flusher = new Thread(this::flushWhileOpen, "trace-flusher");
        flusher.setDaemon(true);
        flusher.start();
    }

    public Path dir() {
        return dir;
    }

    /** The property that names the cache of compressed mapped files ("off": none); tests point it elsewhere. */
    public static final String MAPPED_CACHE_PROPERTY = "jrrtui.mappedFilesCache";

    private static FileStore mappedFilesCache() {
        String p = System.getProperty(MAPPED_CACHE_PROPERTY);
        if ("off".equals(p)) return null;
        return new FileStore(p != null ? Path.of(p) : io.jrrtui.util.CacheFolder.of("mapped-files"));
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
        noteWorkerFailure();
        if (failure != null) throw stopped();
        try {
            if (lastEvent + 1 == firstPending) pendingSince = System.nanoTime();
            data.labelSplitsWith(e.number());
            EventCodec.write(e, events.out(), data.out(), this::keep);
            lastEvent = e.number();
            if (events.pendingBytes() + data.pendingBytes() + pendingStored >= FLUSH_BYTES
                    || System.nanoTime() - pendingSince >= FLUSH_NANOS) {
                flush();
            }
        } catch (IOException ex) {
            throw fail(ex);
        }
    }

    /**
     * Keeps large contents in the file store, then lists them in file-refs, both before any event
     * block refers to them (a failed write leaves no listed-but-missing content; the store lock keeps
     * {@code rm} from collecting a content between the two). The hash is computed here (the event
     * names it, unless the recorder already knew it); compressing and storing is a job of the block writer, queued before the job of
     * the events block that refers to it, so it still lands on disk first.
     */
    private byte[] keep(MemoryWrite write) {
        byte[] content = write.data();
        if (content.length < MIN_STORED) return null;
        byte[] hash = write.knownSha256() != null ? write.knownSha256() : FileStore.sha256(content);
        String hex = FileStore.hex(hash);
        if (referenced.add(hex)) {
            worker.submit(() -> {
                if (write.mappedFile()) contents.put(hex, content, mappedCache);
                else contents.put(hex, content);
                refs.write(hex);
                refs.write('\n');
                refs.flush();
            });
            pendingStored += content.length; // once: a file read by reference is named by many events
        }
        return hash;
    }

    public synchronized void writeMapping(Mapping m) {
        noteWorkerFailure();
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
        noteWorkerFailure();
        return failure == null ? null : describe(failure);
    }

    /**
     * Cuts the events added since the last block (with their data and mappings) and queues them to
     * be written as one block each, mappings then data then events then the index entry.
     */
    private void flush() {
        BlockStreamWriter.Block m = mappings.take(), d = data.take();
        long first = firstPending, last = lastEvent;
        BlockStreamWriter.Block ev = last < first ? null : events.take();
        worker.submit(() -> {
            mappings.write(m, first, 0, 0);
            long dataStart = data.fileOffset();
            data.write(d, first, 0, 0);
            if (ev == null) return;
            long eventsStart = events.fileOffset();
            events.write(ev, first, (int) (last - first + 1), dataStart);
            EventIndex.writeEntry(index, first, eventsStart, dataStart);
            index.flush();
            durableThrough = last;
        });
        if (last < first) return;
        firstPending = last + 1;
        pendingStored = 0;
    }

    /** A failed block write on the worker thread becomes this writer's failure. */
    private void noteWorkerFailure() {
        if (failure == null && worker.failure() != null) failure = worker.failure();
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
                // a failed write shows at the recorder's next write
                if (lastEvent >= firstPending && System.nanoTime() - pendingSince >= FLUSH_NANOS) flush();
            }
        }
    }

    private JrrException fail(IOException e) {
        if (failure == null) failure = e;
        return stopped();
    }

    private JrrException stopped() {
        return new JrrException("cannot write trace: " + describe(failure) + "; the trace keeps events 1 to "
                + durableThrough, failure);
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
            if (failure == null) updateInfo(info.interrupted(durableThrough, reason));
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
            worker.close();
            noteWorkerFailure();
        } finally {
            closeQuietly(events, data, mappings, index, refs);
            FileStore.release(contentsLock);
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
