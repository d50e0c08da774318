package io.jrrtui.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jrrtui.api.DebugSession;
import io.jrrtui.api.EventSummary;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scrubber's marks: what each event is marked with, which mark wins a cell, and the legend. */
class ScrubberMarksTest {
    /** Ten events: 1-3 thread 7, 4 thread 8 (a switch), 5 a signal, 6 output, 7 back to thread 7 with output. */
    private static EventIndex tenEvents() {
        List<EventSummary> all = new ArrayList<>();
        for (long n = 1; n <= 10; n++) {
            int tid = n == 4 || n == 5 || n == 6 ? 8 : 7;
            String kind = n == 5 ? "signal" : "syscall";
            all.add(new EventSummary(n, tid, kind, kind + " " + n, n == 6 || n == 7 ? 1 : 0));
        }
        DebugSession session = (DebugSession) Proxy.newProxyInstance(DebugSession.class.getClassLoader(),
                new Class<?>[] {DebugSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "eventCount" -> (long) all.size();
                    case "events" -> all.subList((int) Math.max(0, (long) args[0] - 1), (int) Math.min(all.size(), (long) args[1]));
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return EventIndex.load(session);
    }

    @Test
    void eachEventGetsItsMostTellingMark() {
        EventIndex events = tenEvents();
        Stops stops = new Stops();
        stops.breakpoints().add(9L);
        stops.writes().add(10L);
        stops.writes().add(4L);
        StringBuilder marks = new StringBuilder();
        for (long n = 1; n <= 10; n++) marks.append(Scrubber.markOf(n, events, stops));
        // 4: a write beats the thread switch; 5: signal; 6: output (same thread as 5); 7: switch back beats output
        assertEquals("...WSoT.BW", marks.toString());
    }

    @Test
    void aCellShowsTheHighestRankedMarkOfItsEvents() {
        EventIndex events = tenEvents();
        Stops stops = new Stops();
        Scrubber scrubber = new Scrubber();
        // five cells of two events each: (1,2) (3,4) (5,6) (7,8) (9,10); now at 1, cursor at 1
        assertEquals("@TST.", text(scrubber.cells(5, events, stops, 1, 1)));
        stops.breakpoints().add(8L);
        assertEquals("@TSB.", text(scrubber.cells(5, events, stops, 1, 1)));
        assertEquals(Role.SCRUBBER_HIT, scrubber.cells(5, events, stops, 1, 1)[2].role());
    }

    @Test
    void theLegendNamesEveryMark() {
        for (char c : new char[] {Scrubber.CURRENT, Scrubber.CURSOR, Scrubber.HIT, Scrubber.WATCH, Scrubber.SIGNAL,
                Scrubber.THREAD, Scrubber.OUTPUT}) {
            assertEquals(true, Scrubber.LEGEND.contains(c + " "), "legend lacks " + c);
        }
    }

    private static String text(Scrubber.Cell[] cells) {
        StringBuilder b = new StringBuilder();
        for (Scrubber.Cell c : cells) b.append(c.ch());
        return b.toString();
    }
}
