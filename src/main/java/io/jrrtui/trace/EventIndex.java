package io.jrrtui.trace;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Event number to block: one entry per events block (its first event, where it starts in the events
 * file, where its bulk bytes start in the data file). Written at record time as the {@code index}
 * file; when that file is missing or malformed, or an entry disagrees with the block it names (a
 * damaged trace), the entries are rebuilt from the events blocks' own labels (no decompression).
 */
final class EventIndex {
    private static final byte[] MAGIC = {'J', 'R', 'R', 'I', 'N', 'D', 'X', 0};
    private final long[] first;
    private final long[] eventsOffset;
    private final long[] dataOffset;

    private EventIndex(List<long[]> entries) {
        first = new long[entries.size()];
        eventsOffset = new long[entries.size()];
        dataOffset = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            first[i] = entries.get(i)[0];
            eventsOffset[i] = entries.get(i)[1];
            dataOffset[i] = entries.get(i)[2];
        }
    }

    static void writeHeader(DataOutputStream out) throws IOException {
        out.write(MAGIC);
        out.writeInt(TraceFormat.VERSION);
        out.flush();
    }

    static void writeEntry(DataOutputStream out, long firstEvent, long eventsAt, long dataAt) throws IOException {
        out.writeLong(firstEvent);
        out.writeLong(eventsAt);
        out.writeLong(dataAt);
    }

    /**
     * The index of a version-3 trace: the index file when it is well-formed (increasing events,
     * offsets inside the files), else the blocks' labels. Each entry used is checked against its
     * block's label ({@link #verified}), so a wrong but well-formed file costs a rebuild, not a wrong seek.
     */
    static EventIndex load(Path dir) {
        List<long[]> fromFile = readFile(dir.resolve(TraceFormat.INDEX));
        if (fromFile != null && wellFormed(fromFile, size(dir.resolve(TraceFormat.EVENTS)), size(dir.resolve(TraceFormat.DATA)))) {
            return new EventIndex(fromFile);
        }
        return fromLabels(dir);
    }

    /** The index rebuilt from the events blocks' labels (headers only, no decompression). */
    static EventIndex fromLabels(Path dir) {
        List<long[]> entries = new ArrayList<>();
        for (BlockLabel b : BlockLabel.scan(dir.resolve(TraceFormat.EVENTS), true)) {
            entries.add(new long[] {b.firstEvent(), b.fileOffset(), b.dataOffset()});
        }
        return new EventIndex(entries);
    }

    /** Whether entry {@code block} agrees with the label of the block it points at. */
    boolean verified(Path dir, int block) {
        BlockLabel b = BlockLabel.at(dir.resolve(TraceFormat.EVENTS), eventsOffset[block]);
        return b != null && b.firstEvent() == first[block] && b.dataOffset() == dataOffset[block];
    }

    private static boolean wellFormed(List<long[]> entries, long eventsSize, long dataSize) {
        long[] prev = null;
        for (long[] e : entries) {
            if (e[0] < 1 || e[1] < 0 || e[1] >= eventsSize || e[2] < 0 || e[2] > dataSize) return false;
            if (prev != null && (e[0] <= prev[0] || e[1] <= prev[1] || e[2] < prev[2])) return false;
            prev = e;
        }
        return true;
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The written index's entries, or null if it is missing or has a bad header. */
    private static List<long[]> readFile(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || !TraceFormat.hasLabels(in.readInt())) return null;
            List<long[]> out = new ArrayList<>();
            long entries = (Files.size(file) - MAGIC.length - 4) / 24;
            for (long i = 0; i < entries; i++) out.add(new long[] {in.readLong(), in.readLong(), in.readLong()});
            return out;
        } catch (IOException e) {
            return null;
        }
    }

    int size() {
        return first.length;
    }

    /** The last block whose first event is at most {@code event}, or -1 when there is none. */
    int blockFor(long event) {
        int i = Arrays.binarySearch(first, event);
        if (i >= 0) return i;
        return -i - 2;
    }

    long firstEvent(int block) {
        return first[block];
    }

    long eventsOffset(int block) {
        return eventsOffset[block];
    }

    long dataOffset(int block) {
        return dataOffset[block];
    }
}
