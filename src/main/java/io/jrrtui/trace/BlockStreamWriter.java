package io.jrrtui.trace;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/**
 * Writes one named stream as a sequence of independently zstd-compressed blocks, each with its
 * raw length and CRC32, so that a recording killed mid-way is readable up to its last full block.
 */
final class BlockStreamWriter implements AutoCloseable {
    private final OutputStream file;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(1 << 16);
    private final DataOutputStream out = new DataOutputStream(pending);
    private final int blockSize;
    private long rawWritten;

    BlockStreamWriter(Path path, String name, int blockSize) throws IOException {
        this.file = Files.newOutputStream(path);
        this.blockSize = blockSize;
        DataOutputStream header = new DataOutputStream(file);
        header.write(TraceFormat.STREAM_MAGIC);
        header.writeInt(TraceFormat.VERSION);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        header.writeInt(n.length);
        header.write(n);
        header.flush();
    }

    /** The buffer to write the next record into; call {@link #endRecord()} after each record. */
    DataOutputStream out() {
        return out;
    }

    /** Raw (uncompressed) bytes written so far, including pending ones. */
    long position() {
        return rawWritten + pending.size();
    }

    void endRecord() throws IOException {
        if (pending.size() >= blockSize) flushBlock();
    }

    void flushBlock() throws IOException {
        if (pending.size() == 0) return;
        byte[] raw = pending.toByteArray();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(raw.length / 2 + 64);
        try (ZstdCompressorOutputStream z = new ZstdCompressorOutputStream(compressed, 1)) {
            z.write(raw);
        }
        CRC32 crc = new CRC32();
        crc.update(raw);
        DataOutputStream f = new DataOutputStream(file);
        f.writeInt(TraceFormat.BLOCK_MAGIC);
        f.writeInt(raw.length);
        f.writeInt(compressed.size());
        f.writeInt((int) crc.getValue());
        compressed.writeTo(f);
        f.flush();
        rawWritten += raw.length;
        pending.reset();
    }

    @Override
    public void close() throws IOException {
        flushBlock();
        file.close();
    }
}
