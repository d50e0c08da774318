package io.jrrtui.trace;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The header of one version-3 block as found on disk: where it starts, and its label (first event,
 * event count, where its bulk bytes start in the data file). {@link #scan} lists the complete
 * blocks of a stream by reading headers only, stopping at the first one that is cut short, has a
 * bad magic or length, or (events stream: {@code chained}) whose label does not continue the
 * previous one.
 */
record BlockLabel(long fileOffset, long firstEvent, int eventCount, long dataOffset, long end) {

    static List<BlockLabel> scan(Path stream, boolean chained) {
        List<BlockLabel> out = new ArrayList<>();
        try (RandomAccessFile f = new RandomAccessFile(stream.toFile(), "r")) {
            long size = f.length();
            long at = streamHeaderLength(f);
            if (at < 0) return out;
            long expected = -1;
            while (at + TraceFormat.BLOCK_HEADER <= size) {
                f.seek(at);
                int magic = f.readInt();
                int rawLen = f.readInt();
                int compLen = f.readInt();
                f.readInt(); // CRC: checked when the block is decoded
                long first = f.readLong();
                int count = f.readInt();
                long dataAt = f.readLong();
                long end = at + TraceFormat.BLOCK_HEADER + compLen;
                if (magic != TraceFormat.BLOCK_MAGIC || rawLen < 0 || rawLen > TraceFormat.MAX_BLOCK || compLen < 0
                        || compLen > TraceFormat.MAX_BLOCK + 1024 || end > size || count < 0 || first < 1 || dataAt < 0
                        || (chained && (count == 0 || (expected >= 0 && first != expected)))) {
                    break;
                }
                out.add(new BlockLabel(at, first, count, dataAt, end));
                expected = first + count;
                at = end;
            }
        } catch (IOException e) {
            // a missing or unreadable stream has no complete blocks
        }
        return out;
    }

    /** The label of the block at {@code offset}, or null when no complete block starts there. */
    static BlockLabel at(Path stream, long offset) {
        try (RandomAccessFile f = new RandomAccessFile(stream.toFile(), "r")) {
            if (offset < 0 || offset + TraceFormat.BLOCK_HEADER > f.length()) return null;
            f.seek(offset);
            int magic = f.readInt();
            f.readInt();
            int compLen = f.readInt();
            f.readInt();
            long first = f.readLong();
            int count = f.readInt();
            long dataAt = f.readLong();
            long end = offset + TraceFormat.BLOCK_HEADER + compLen;
            if (magic != TraceFormat.BLOCK_MAGIC || compLen < 0 || end > f.length()) return null;
            return new BlockLabel(offset, first, count, dataAt, end);
        } catch (IOException e) {
            return null;
        }
    }

    /** The length of a version-3 (or later) stream header, or -1 when it is not one. */
    private static long streamHeaderLength(RandomAccessFile f) throws IOException {
        if (f.length() < TraceFormat.STREAM_MAGIC.length + 8) return -1;
        byte[] magic = new byte[TraceFormat.STREAM_MAGIC.length];
        f.readFully(magic);
        if (!java.util.Arrays.equals(magic, TraceFormat.STREAM_MAGIC) || !TraceFormat.hasLabels(f.readInt())) return -1;
        int n = f.readInt();
        if (n < 0 || n > 256) return -1;
        return magic.length + 8L + n;
    }
}
