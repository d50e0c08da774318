package io.jrrtui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.replay.OutputSink;
import io.jrrtui.replay.ReplaySession;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.util.JrrException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jrrtui trace's engine on recordings of the ct_* programs: exact call and return lines. */
class CallTracerTest {
    private static final Pattern PREFIX = Pattern.compile("\\[tid (\\d+) ev (\\d+)\\]");

    @TempDir
    Path tmp;

    /** Records binary, traces regex over the replay and returns the lines with "[tid T ev E]" checked and cut to "[]". */
    List<String> trace(String binary, String regex, int stack, int follow) {
        Path dir = tmp.resolve(binary);
        Jrr.Run r = Jrr.run("record", "-q", "-o", dir.toString(), "--stdout", tmp.resolve(binary + ".out").toString(), "--",
                Jrr.binary(binary).toString());
        assertEquals(0, r.status(), r.errText());
        TraceReader trace = TraceReader.open(dir);
        List<CallTraceLine> lines = new ArrayList<>();
        try (ReplaySession session = ReplaySession.start(trace, OutputSink.DISCARD)) {
            CallTracer.overReplay(session, new CallTracer.Options(Pattern.compile(regex), stack, follow), lines::add).run();
        }
        return normalise(lines, trace.info().pid(), trace.info().eventCount());
    }

    static List<String> normalise(List<CallTraceLine> lines, int tid, long events) {
        List<String> out = new ArrayList<>();
        long lastEvent = 0;
        for (CallTraceLine l : lines) {
            String text = l.text();
            Matcher m = PREFIX.matcher(text);
            assertTrue(m.find(), text);
            assertEquals(tid, Integer.parseInt(m.group(1)), text);
            long ev = Long.parseLong(m.group(2));
            assertTrue(ev >= lastEvent && ev <= events, "event numbers run forward: " + text);
            lastEvent = ev;
            out.add(m.replaceFirst("[]"));
        }
        return out;
    }

    @Test
    void delveExampleFoo() {
        assertEquals(List.of(
                "> [] foo(x=99, y=9801)",
                ">> [] foo => 9900"), trace("ct_foo", "^foo$", 0, 0));
    }
}
