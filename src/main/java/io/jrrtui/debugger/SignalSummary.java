package io.jrrtui.debugger;

import io.jrrtui.arch.Signals;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.SignalEvent;
import io.jrrtui.trace.TraceReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code info signals}: the signals the recorded program received, with counts and first events. */
final class SignalSummary {
    private final TraceReader trace;

    SignalSummary(TraceReader trace) {
        this.trace = trace;
    }

    List<String> rows() {
        Map<Integer, long[]> seen = new TreeMap<>();
        try (TraceReader.EventCursor c = trace.events()) {
            Event e;
            while ((e = c.next()) != null) {
                if (e instanceof SignalEvent s) {
                    long[] v = seen.computeIfAbsent(s.signo(), k -> new long[] {0, s.number()});
                    v[0]++;
                }
            }
        }
        List<String> out = new ArrayList<>();
        out.add(String.format("%-10s %6s %12s  %s", "Signal", "Count", "First event", "Description"));
        for (Map.Entry<Integer, long[]> en : seen.entrySet()) {
            out.add(String.format("%-10s %6d %12d  %s", Signals.name(en.getKey()), en.getValue()[0], en.getValue()[1],
                    Signals.isFaultSignal(en.getKey()) ? "fault" : "delivered"));
        }
        if (seen.isEmpty()) out.add("(the program received no signals in this recording)");
        return out;
    }
}
