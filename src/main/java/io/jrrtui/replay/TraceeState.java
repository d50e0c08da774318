package io.jrrtui.replay;

import io.jrrtui.sys.TraceeMemory;
import io.jrrtui.trace.TraceReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** The mutable state of the replaying program: shared by the session and its event replayer. */
final class TraceeState {
    final TraceReader trace;
    final OutputSink output;
    /** Live tasks by recorded tid. */
    final Map<Integer, LiveTask> tasks = new LinkedHashMap<>();
    /** The recorded program's first thread: the one the debugger shows. */
    LiveTask primary;
    int pid;
    TraceeMemory mem;
    LookaheadCursor events;
    /** The last event completed (1 = exec). */
    long current;
    boolean exited;
    /** A signal just matched for the primary task, not yet reported to the caller (0 = none). */
    int signalStop;
    String exitDescription = "";

    TraceeState(TraceReader trace, OutputSink output) {
        this.trace = trace;
        this.output = output;
    }

    void setPrimary(LiveTask t) {
        primary = t;
        pid = t.tid;
        mem = t.proc.mem;
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
