package io.jrrtui.trace;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Encoding of {@link BufferedCallsEvent} (event kind 9): the call count and the records' length in
 * the events stream, the records themselves in the data stream.
 */
final class BufferedCallsCodec {
    static final int KIND = 9;
    private static final int MAX_BYTES = 64 << 20;

    private BufferedCallsCodec() {}

    static void write(BufferedCallsEvent e, DataOutputStream ev, DataOutputStream data) throws IOException {
        ev.writeInt(e.count());
        ev.writeInt(e.records().length);
        data.write(e.records());
    }

    static BufferedCallsEvent read(long number, int tid, DataInputStream ev, DataInputStream data) throws IOException {
        int count = ev.readInt();
        int len = ev.readInt();
        if (count < 0 || len < 0 || len > MAX_BYTES) {
            throw new io.jrrtui.util.JrrException("corrupt trace: event " + number + " has " + count + " buffered calls in " + len + " bytes");
        }
        byte[] records = new byte[len];
        try {
            data.readFully(records);
        } catch (java.io.EOFException x) {
            throw new io.jrrtui.util.JrrException("corrupt trace: data of event " + number + " is missing");
        }
        return new BufferedCallsEvent(number, tid, count, records);
    }
}
