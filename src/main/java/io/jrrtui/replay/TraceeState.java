package io.jrrtui.replay;

import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.trace.TraceReader;

/** The mutable state of the live replaying process: shared by the session and its event replayer. */
final class TraceeState {
    final TraceReader trace;
    final OutputSink output;
    int pid;
    TraceeMemory mem;
    LookaheadCursor events;
    /** The last event completed (1 = exec). */
    long current;
    /** The signal to deliver when the process is next resumed. */
    int deliver;
    boolean exited;
    String exitDescription = "";

    TraceeState(TraceReader trace, OutputSink output) {
        this.trace = trace;
        this.output = output;
    }

    /** Re-opens the event stream positioned after event n. */
    void seekEvents(long n) {
        if (events != null) events.close();
        events = new LookaheadCursor(trace.events());
        for (long i = 0; i < n; i++) {
            if (events.next() == null) throw new io.jrrtui.util.JrrException("the trace has fewer than " + n + " events");
        }
    }
}
