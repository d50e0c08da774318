package io.jrrtui.cli;

import io.jrrtui.replay.OutputSink;
import java.io.PrintStream;

/** Writes replayed program output to our stdout/stderr, optionally marking lines with [jrr PID EVENT]. */
final class MarkedOutput implements OutputSink {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean mark;
    private final boolean[] atLineStart = {true, true, true};

    MarkedOutput(PrintStream out, PrintStream err, boolean mark) {
        this.out = out;
        this.err = err;
        this.mark = mark;
    }

    @Override
    public void write(long event, int tid, int stream, byte[] data) {
        PrintStream target = stream == 2 ? err : out;
        if (!mark) {
            target.write(data, 0, data.length);
            target.flush();
            return;
        }
        byte[] prefix = ("[jrr " + tid + " " + event + "]").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (atLineStart[stream]) {
                target.write(prefix, 0, prefix.length);
                atLineStart[stream] = false;
            }
            if (data[i] == '\n') {
                target.write(data, start, i + 1 - start);
                start = i + 1;
                atLineStart[stream] = true;
            }
        }
        if (start < data.length) {
            if (atLineStart[stream]) target.write(prefix, 0, prefix.length);
            target.write(data, start, data.length - start);
            atLineStart[stream] = false;
        }
        target.flush();
    }

    void flush() {
        out.flush();
        err.flush();
    }
}
