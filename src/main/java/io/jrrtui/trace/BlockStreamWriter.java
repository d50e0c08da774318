package io.jrrtui.trace;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * Writes one named stream as a sequence of independently zstd-compressed blocks, each with its
 * raw length, CRC32 and a label (first event, event count, data offset) so that a recording killed
 * mid-way is readable up to its last full block and any block can be found without decoding the
 * ones before it. {@link TraceWriter} decides when blocks end; this class only splits a record
 * stream that grows past {@link #SPLIT} bytes (a huge read buffer) so no block exceeds the limit.
 */
final class BlockStreamWriter implements AutoCloseable {
    /** Pending bytes at which the stream is cut mid-record (only the data stream gets there). */
    static final int SPLIT = 8 << 20;
    private final OutputStream file;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(1 << 16);
    private final DataOutputStream out;
    private long fileOffset;
    private long rawWritten;
    private long nextLabelEvent;

    BlockStreamWriter(Path path, String name) throws IOException {
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
                if (pending.size() >= SPLIT) flushBlock(nextLabelEvent, 0, 0);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                while (len > 0) {
                    int n = Math.min(len, SPLIT - pending.size());
                    pending.write(b, off, n);
                    off += n;
                    len -= n;
                    if (pending.size() >= SPLIT) flushBlock(nextLabelEvent, 0, 0);
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

    /** Where the next block will start in the file. */
    long fileOffset() {
        return fileOffset;
    }

    /** Raw (uncompressed) bytes written so far, including pending ones. */
    long position() {
        return rawWritten + pending.size();
    }

    /** The first-event label of a block cut because it grew too large. */
    void labelSplitsWith(long event) {
        nextLabelEvent = event;
    }

    /**
     * Writes the pending bytes as one block labelled with the first event it belongs to, the events
     * it holds (events stream) and where their bulk bytes start in the data file (events stream).
     */
    void flushBlock(long firstEvent, int eventCount, long dataOffset) throws IOException {
        if (pending.size() == 0) return;
        byte[] raw = pending.toByteArray();
        // one call into zstd for the whole block: the streaming wrapper cost a third of a
        // buffered-syscall recording's time on bulk data (issue 13); the frame is the same format
        byte[] compressed = Zstd.compress(raw, 1);
        CRC32 crc = new CRC32();
        crc.update(raw);
        ByteArrayOutputStream block = new ByteArrayOutputStream(TraceFormat.BLOCK_HEADER + compressed.length);
        DataOutputStream f = new DataOutputStream(block);
        f.writeInt(TraceFormat.BLOCK_MAGIC);
        f.writeInt(raw.length);
        f.writeInt(compressed.length);
        f.writeInt((int) crc.getValue());
        f.writeLong(firstEvent);
        f.writeInt(eventCount);
        f.writeLong(dataOffset);
        f.write(compressed);
        // one write per block: a failed write (ENOSPC) leaves at most one partial block at the end
        block.writeTo(file);
        file.flush();
        fileOffset += block.size();
        rawWritten += raw.length;
        pending.reset();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
