package io.jrrtui.trace;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.zip.CRC32;

/**
 * Writes one named stream as a sequence of independently zstd-compressed blocks, each with its
 * raw length, CRC32 and a label (first event, event count, data offset) so that a recording killed
 * mid-way is readable up to its last full block and any block can be found without decoding the
 * ones before it. {@link TraceWriter} decides when blocks end; this class only splits a record
 * stream that grows past {@link #SPLIT} bytes (a huge read buffer) so no block exceeds the limit.
 *
 * <p>Two threads use it: the recorder appends records and {@link #take takes} the pending bytes as a
 * block; the {@link BlockWriterThread} compresses and {@link #write writes} taken blocks (file
 * offset and file belong to that thread). Block arrays go back to a small free list, so bulk data
 * does not allocate a fresh multi-megabyte array per block.
 */
final class BlockStreamWriter implements AutoCloseable {
    /** Pending bytes at which the stream is cut mid-record (only the data stream gets there). */
    static final int SPLIT = 8 << 20;
    /** Raw bytes taken from the pending buffer, to be compressed and written as one block. */
    record Block(byte[] bytes, int length) {}

    /** The pending bytes, with their array reachable so a block is handed over without a copy. */
    private static final class Pending extends ByteArrayOutputStream {
        Pending(byte[] reused) {
            super(0);
            buf = reused;
        }

        Block block() {
            return new Block(buf, count);
        }
    }

    private final OutputStream file;
    private final BlockWriterThread worker;
    /** Arrays of written blocks, reused for pending bytes. */
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BlockWriterThread.DEPTH);
    private Pending pending = new Pending(new byte[1 << 16]);
    private final DataOutputStream out;
    /** Written by the worker thread only. */
    private long fileOffset;
    /** The worker thread's array for a block's header and compressed bytes, kept between blocks. */
    private byte[] framed;
    private static final int KEPT_OUTPUT = 4 << 20;
    private long nextLabelEvent;

    BlockStreamWriter(Path path, String name, BlockWriterThread worker) throws IOException {
        this.worker = worker;
        this.file = Files.newOutputStream(path);
        DataOutputStream header = new DataOutputStream(file);
        header.write(TraceFormat.STREAM_MAGIC);
        header.writeInt(TraceFormat.VERSION);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        header.writeInt(n.length);
        header.write(n);
        header.flush();
        fileOffset = header.size();
        out = new DataOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                pending.write(b);
                if (pending.size() >= SPLIT) split();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    int n = Math.min(len, SPLIT - pending.size());
                    pending.write(b, off, n);
                    off += n;
                    len -= n;
                    if (pending.size() >= SPLIT) split();
                }
            }
        });
    }

    /** The buffer to write records into. */
    DataOutputStream out() {
        return out;
    }

    /** Bytes waiting for the next block. */
    int pendingBytes() {
        return pending.size();
    }

    /** Where the next block will start in the file (on the worker thread: after the blocks queued before). */
    long fileOffset() {
        return fileOffset;
    }

    /** The first-event label of a block cut because it grew too large. */
    void labelSplitsWith(long event) {
        nextLabelEvent = event;
    }

    /** A data stream grown past {@link #SPLIT}: its bytes so far become a block of their own. */
    private void split() {
        Block b = take();
        long label = nextLabelEvent;
        worker.submit(() -> write(b, label, 0, 0));
    }

    /** The pending bytes as a block to write (null when there are none); pending starts over. */
    Block take() {
        if (pending.size() == 0) return null;
        Block b = pending.block();
        byte[] reuse = free.poll();
        pending = new Pending(reuse != null ? reuse : new byte[1 << 16]);
        return b;
    }

    /**
     * Compresses and writes a taken block (null: nothing), labelled with the first event it belongs
     * to, the events it holds (events stream) and where their bulk bytes start in the data file
     * (events stream). Runs on the worker thread.
     */
    void write(Block b, long firstEvent, int eventCount, long dataOffset) throws IOException {
        if (b == null) return;
        byte[] raw = b.bytes();
        int len = b.length();
        // one call into zstd for the whole block: the streaming wrapper cost a third of a
        // buffered-syscall recording's time on bulk data (issue 13); the frame is the same format.
        // Header and frame share one array kept for the next block (a fresh one per block, and a
        // copy of it, were a large part of a short recording's allocation: fresh pages to fault in)
        int bound = TraceFormat.BLOCK_HEADER + (int) Zstd.compressBound(len);
        if (framed == null || framed.length < bound) framed = new byte[bound];
        long n = Zstd.compressByteArray(framed, TraceFormat.BLOCK_HEADER, framed.length - TraceFormat.BLOCK_HEADER, raw, 0, len, 1);
        if (Zstd.isError(n)) throw new IOException("zstd: " + Zstd.getErrorName(n));
        CRC32 crc = new CRC32();
        crc.update(raw, 0, len);
        ByteBuffer h = ByteBuffer.wrap(framed, 0, TraceFormat.BLOCK_HEADER); // big-endian, as DataOutputStream wrote it
        h.putInt(TraceFormat.BLOCK_MAGIC).putInt(len).putInt((int) n).putInt((int) crc.getValue())
                .putLong(firstEvent).putInt(eventCount).putLong(dataOffset);
        int size = TraceFormat.BLOCK_HEADER + (int) n;
        // one write per block: a failed write (ENOSPC) leaves at most one partial block at the end
        file.write(framed, 0, size);
        file.flush();
        fileOffset += size;
        if (framed.length > KEPT_OUTPUT) framed = null; // a split 8 MB block's array is not kept
        free.offer(raw);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
