package io.jrrtui.trace;

import io.jrrtui.util.JrrException;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Reads a block stream back as one continuous byte stream. A truncated last block is the normal
 * end of an incomplete trace ({@code tolerateTruncation}); otherwise it, a bad CRC or bad magic is
 * reported as a corrupt trace with the stream name and file offset.
 */
final class BlockStreamReader extends InputStream {
    private final String name;
    private final DataInputStream file;
    private final boolean tolerateTruncation;
    private byte[] block = new byte[0];
    private int pos;
    private long fileOffset;
    private boolean eof;

    BlockStreamReader(Path path, String name, boolean tolerateTruncation) {
        this.name = name;
        this.tolerateTruncation = tolerateTruncation;
        try {
            this.file = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16));
            byte[] magic = new byte[TraceFormat.STREAM_MAGIC.length];
            file.readFully(magic);
            if (!Arrays.equals(magic, TraceFormat.STREAM_MAGIC)) throw corrupt("not a jrrtui stream");
            int version = file.readInt();
            if (version != TraceFormat.VERSION) {
                throw new JrrException("trace stream '" + name + "' has format version " + version
                        + ", this jrrtui reads version " + TraceFormat.VERSION);
            }
            int n = file.readInt();
            if (n < 0 || n > 256) throw corrupt("bad stream header");
            byte[] nm = new byte[n];
            file.readFully(nm);
            if (!new String(nm, StandardCharsets.UTF_8).equals(name)) throw corrupt("stream name mismatch");
            fileOffset = 16 + n;
        } catch (NoSuchFileException e) {
            throw new JrrException("trace is missing its '" + name + "' stream (" + path + ")");
        } catch (EOFException e) {
            throw corrupt("truncated stream header");
        } catch (IOException e) {
            throw new JrrException("cannot read trace stream " + path + ": " + e.getMessage(), e);
        }
    }

    private JrrException corrupt(String what) {
        return new JrrException("corrupt trace: " + what + " in stream '" + name + "' at byte " + fileOffset);
    }

    private boolean nextBlock() throws IOException {
        if (eof) return false;
        int magic;
        try {
            magic = file.readInt();
        } catch (EOFException e) {
            eof = true;
            return false;
        }
        try {
            if (magic != TraceFormat.BLOCK_MAGIC) throw corrupt("bad block magic");
            int rawLen = file.readInt();
            int compLen = file.readInt();
            int crc = file.readInt();
            if (rawLen < 0 || rawLen > TraceFormat.MAX_BLOCK || compLen < 0 || compLen > TraceFormat.MAX_BLOCK + 1024) {
                throw corrupt("bad block length");
            }
            byte[] comp = new byte[compLen];
            file.readFully(comp);
            byte[] raw;
            try (InputStream z = new ZstdCompressorInputStream(new ByteArrayInputStream(comp))) {
                raw = z.readNBytes(rawLen + 1);
            } catch (IOException e) {
                throw corrupt("undecodable block (" + e.getMessage() + ")");
            }
            CRC32 c = new CRC32();
            c.update(raw);
            if (raw.length != rawLen || (int) c.getValue() != crc) throw corrupt("block checksum mismatch");
            fileOffset += 16 + compLen;
            block = raw;
            pos = 0;
            return true;
        } catch (EOFException e) {
            eof = true;
            if (tolerateTruncation) return false;
            throw corrupt("truncated block");
        }
    }

    @Override
    public int read() throws IOException {
        while (pos >= block.length) {
            if (!nextBlock()) return -1;
        }
        return block[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (pos >= block.length) {
            if (!nextBlock()) return -1;
        }
        int n = Math.min(len, block.length - pos);
        System.arraycopy(block, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            if (pos >= block.length && !nextBlock()) break;
            int step = (int) Math.min(n - skipped, block.length - pos);
            pos += step;
            skipped += step;
        }
        return skipped;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
