package io.jrrtui.trace;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Encoding of {@link BufferedCallsEvent}: the call count and the records' length in the events
 * stream, the records themselves in the data stream (event kind 9). Kind 10 (reads by reference,
 * {@link BufferedReadRefs}) adds the number of contents and each one's length and SHA-256 in the
 * events stream, their bytes kept in the content store; reading expands the references.
 */
final class BufferedCallsCodec {
    static final int KIND = 9;
    static final int KIND_REFS = 10;
    /** Kind 10's layout, records possibly short (sbuf6): a reader that knows only 9 and 10 stops at it. */
    static final int KIND_SHORT = 12;
    private static final int MAX_BYTES = 64 << 20;
    private static final int MAX_CONTENTS = 4096;

    private BufferedCallsCodec() {}

    static int kind(BufferedCallsEvent e) {
        int shapes = BufferedReadRefs.shapes(e.count(), e.records());
        if ((shapes & BufferedReadRefs.HAS_SHORT) != 0) return KIND_SHORT;
        return e.contents().isEmpty() && (shapes & BufferedReadRefs.HAS_REFS) == 0 ? KIND : KIND_REFS;
    }

    /** Writes e, whose kind (from {@link #kind}: a scan of every record) the caller already wrote. */
    static void write(BufferedCallsEvent e, int kind, DataOutputStream ev, DataOutputStream data, EventCodec.ContentSink sink)
            throws IOException {
        ev.writeInt(e.count());
        ev.writeInt(e.records().length);
        if (kind != KIND) {
            ev.writeInt(e.contents().size());
            for (MemoryWrite c : e.contents()) {
                byte[] hash = sink.keep(c);
                if (hash == null) throw new IllegalStateException("a referenced content of " + c.length() + " bytes was not stored");
                ev.writeInt(c.length());
                ev.write(hash);
            }
        }
        data.write(e.records());
    }

    static BufferedCallsEvent read(long number, int tid, DataInputStream ev, DataInputStream data, boolean refs,
            EventCodec.ContentSource stored) throws IOException {
        int count = ev.readInt();
        int len = ev.readInt();
        if (count < 0 || len < 0 || len > MAX_BYTES) {
            throw new io.jrrtui.util.JrrException("corrupt trace: event " + number + " has " + count + " buffered calls in " + len + " bytes");
        }
        List<byte[]> contents = new ArrayList<>();
        if (refs) {
            int n = ev.readInt();
            if (n < 0 || n > MAX_CONTENTS) throw new CorruptTraceException("event " + number + " refers to " + n + " contents");
            for (int i = 0; i < n; i++) {
                int length = ev.readInt();
                byte[] hash = new byte[32];
                ev.readFully(hash);
                if (length < 0) throw new CorruptTraceException("event " + number + " has a stored length of " + length);
                contents.add(stored.loadShared(hash, length, number));
            }
        }
        byte[] records = new byte[len];
        try {
            data.readFully(records);
        } catch (java.io.EOFException x) {
            throw new io.jrrtui.util.JrrException("corrupt trace: data of event " + number + " is missing");
        }
        if (refs) records = BufferedReadRefs.expand(number, count, records, contents);
        return new BufferedCallsEvent(number, tid, count, records);
    }
}
