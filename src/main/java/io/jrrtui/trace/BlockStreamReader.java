package io.jrrtui.trace;

import com.github.luben.zstd.Zstd;
import io.jrrtui.util.JrrException;
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

/**
 * Reads a block stream back as one continuous byte stream, from its first block or from a block
 * boundary found in the {@link EventIndex}. A truncated or damaged block is the normal end of an
 * incomplete trace ({@code tolerateDamage}: the stream just ends there and {@link #endNote()} says
 * why); otherwise it, a bad CRC or a bad magic is reported as a corrupt trace with the stream name
 * and file offset. Reads version 2 (shorter block headers) to 4.
 */
final class BlockStreamReader extends InputStream {
    private final String name;
    private final DataInputStream file;
    private final boolean tolerateDamage;
    private final int version;
    private byte[] block = new byte[0];
    private int pos;
    private long fileOffset;
    private boolean eof;
    private String endNote;

    /** The first event the next events block must hold (0: not known, the stream was entered mid-way). */
    private long nextFirstEvent;

    BlockStreamReader(Path path, String name, boolean tolerateDamage, long startOffset) {
        this.name = name;
        this.tolerateDamage = tolerateDamage;
        try {
            this.file = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(path), 1 << 16));
            byte[] magic = new byte[TraceFormat.STREAM_MAGIC.length];
            file.readFully(magic);
            if (!Arrays.equals(magic, TraceFormat.STREAM_MAGIC)) throw corrupt("not a jrrtui stream");
            version = file.readInt();
            if (version < TraceFormat.OLDEST_READABLE || version > TraceFormat.VERSION) {
                throw new JrrException("trace stream '" + name + "' has format version " + version
                        + ", this jrrtui reads versions " + TraceFormat.OLDEST_READABLE + " to " + TraceFormat.VERSION);
            }
            int n = file.readInt();
            if (n < 0 || n > 256) throw corrupt("bad stream header");
            byte[] nm = new byte[n];
            file.readFully(nm);
            if (!new String(nm, StandardCharsets.UTF_8).equals(name)) throw corrupt("stream name mismatch");
            fileOffset = 16 + n;
            if (startOffset <= fileOffset) nextFirstEvent = 1; // from the start: the first block holds event 1
            if (startOffset > fileOffset) {
                file.skipNBytes(startOffset - fileOffset);
                fileOffset = startOffset;
            }
        } catch (NoSuchFileException e) {
            throw new CorruptTraceException("it is missing its '" + name + "' stream (" + path + ")");
        } catch (EOFException e) {
            throw corrupt("truncated stream header");
        } catch (IOException e) {
            throw new JrrException("cannot read trace stream " + path + ": " + e.getMessage(), e);
        }
    }

    /** The stream's format version (2 has no block labels). */
    int version() {
        return version;
    }

    /** Why an incomplete stream ended early (a cut-short or damaged block), or null if it ended cleanly. */
    String endNote() {
        return endNote;
    }

    private CorruptTraceException corrupt(String what) {
        return new CorruptTraceException(what + " in stream '" + name + "' at byte " + fileOffset);
    }

    private boolean nextBlock() throws IOException {
        if (eof) return false;
        byte[] m = file.readNBytes(4);
        if (m.length == 0) {
            eof = true;
            return false;
        }
        if (m.length < 4) return damaged(corrupt("truncated block"));
        int magic = ((m[0] & 0xff) << 24) | ((m[1] & 0xff) << 16) | ((m[2] & 0xff) << 8) | (m[3] & 0xff);
        try {
            if (magic != TraceFormat.BLOCK_MAGIC) return damaged(corrupt("bad block magic"));
            int rawLen = file.readInt();
            int compLen = file.readInt();
            int crc = file.readInt();
            if (version >= 3) {
                // the label: not covered by the checksum, so check that the events chain on (a
                // stream read from its start begins at event 1, each block where the last ended)
                long first = file.readLong();
                int count = file.readInt();
                long dataAt = file.readLong();
                if (first < 1 || count < 0 || dataAt < 0) return damaged(corrupt("bad block label"));
                if (name.equals(TraceFormat.EVENTS)) {
                    if (nextFirstEvent > 0 && first != nextFirstEvent) return damaged(corrupt("bad block label (events out of sequence)"));
                    nextFirstEvent = first + count;
                }
            }
            if (rawLen < 0 || rawLen > TraceFormat.MAX_BLOCK || compLen < 0 || compLen > TraceFormat.MAX_BLOCK + 1024) {
                return damaged(corrupt("bad block length"));
            }
            byte[] comp = file.readNBytes(compLen);
            if (comp.length != compLen) return damaged(corrupt("truncated block"));
            byte[] raw;
            try {
                raw = decompress(comp, rawLen);
            } catch (RuntimeException e) {
                return damaged(corrupt("undecodable block"));
            }
            CRC32 c = new CRC32();
            c.update(raw);
            if (raw.length != rawLen || (int) c.getValue() != crc) return damaged(corrupt("block checksum mismatch"));
            fileOffset += (version >= 3 ? TraceFormat.BLOCK_HEADER : TraceFormat.BLOCK_HEADER_V2) + compLen;
            block = raw;
            pos = 0;
            return true;
        } catch (EOFException e) {
            return damaged(corrupt("truncated block"));
        }
    }

    /**
     * The block's bytes in one call into zstd (the streaming reader cost most of a bulk replay's
     * time); a frame that does not hold exactly rawLen bytes comes back another length, which the
     * caller reports as a checksum mismatch.
     */
    private static byte[] decompress(byte[] comp, int rawLen) {
        long size = Zstd.getFrameContentSize(comp);
        if (size >= 0 && size != rawLen) return new byte[0];
        return Zstd.decompress(comp, rawLen);
    }

    /** Ends an incomplete stream at its first damaged block; in a finished trace damage is an error. */
    private boolean damaged(CorruptTraceException why) {
        eof = true;
        if (!tolerateDamage) throw why;
        endNote = why.getMessage().replaceFirst("^corrupt trace: ", "");
        return false;
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
