package io.jrrtui.debugger;

import io.jrrtui.api.EventSummary;
import io.jrrtui.api.OutputChunk;
import io.jrrtui.sysdecode.TraceDecoder;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.SyscallEvent;
import io.jrrtui.trace.TraceReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The recording's events as summaries for timelines and the output pane. Read once from the trace
 * (the big per-event data is dropped), so panes never need to replay.
 */
final class TraceEvents {
    private final List<EventSummary> events = new ArrayList<>();
    private final List<OutputChunk> output = new ArrayList<>();

    TraceEvents(TraceReader trace) {
        TraceDecoder decoder = TraceDecoder.forTrace(trace);
        try (TraceReader.EventCursor c = trace.events()) {
            Event e;
            while ((e = c.next()) != null) {
                int stream = 0;
                if (e instanceof SyscallEvent s && s.outputStream() != 0) {
                    stream = s.outputStream();
                    output.add(new OutputChunk(s.number(), stream, new String(s.output(), StandardCharsets.UTF_8)));
                }
                events.add(new EventSummary(e.number(), e.tid(), kind(e), decoder.describe(e), stream));
            }
        }
    }

    private static String kind(Event e) {
        String n = e.getClass().getSimpleName();
        return n.substring(0, n.length() - "Event".length()).toLowerCase();
    }

    List<EventSummary> range(long first, long last) {
        long lo = Math.max(1, first);
        long hi = Math.min(events.size(), last);
        if (hi < lo) return List.of();
        return List.copyOf(events.subList((int) lo - 1, (int) hi));
    }

    List<OutputChunk> upTo(long event) {
        List<OutputChunk> out = new ArrayList<>();
        for (OutputChunk c : output) {
            if (c.event() > event) break;
            out.add(c);
        }
        return out;
    }
}
