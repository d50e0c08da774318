package io.jrrtui.replay;

/** Receives the program's recorded stdout/stderr writes as the replay passes them. */
@FunctionalInterface
public interface OutputSink {
    OutputSink DISCARD = (event, tid, stream, data) -> {};

    void write(long event, int tid, int stream, byte[] data);
}
