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
 * file; when that file is missing, short or disagrees with the events file (an old or damaged
 * trace) the entries are rebuilt from the events blocks' own labels, which needs no decompression.
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

    /** The index of a version-3 trace: the index file if it matches the events blocks, else the blocks' labels. */
    static EventIndex load(Path dir) {
        List<BlockLabel> blocks = BlockLabel.scan(dir.resolve(TraceFormat.EVENTS), true);
        List<long[]> fromFile = readFile(dir.resolve(TraceFormat.INDEX));
        List<long[]> entries = new ArrayList<>();
        for (BlockLabel b : blocks) entries.add(new long[] {b.firstEvent(), b.fileOffset(), b.dataOffset()});
        if (fromFile != null && fromFile.size() == entries.size() && sameEntries(fromFile, entries)) return new EventIndex(fromFile);
        return new EventIndex(entries);
    }

    private static boolean sameEntries(List<long[]> a, List<long[]> b) {
        for (int i = 0; i < a.size(); i++) if (!Arrays.equals(a.get(i), b.get(i))) return false;
        return true;
    }

    /** The written index's entries, or null if it is missing or has a bad header. */
    private static List<long[]> readFile(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || in.readInt() != TraceFormat.VERSION) return null;
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
