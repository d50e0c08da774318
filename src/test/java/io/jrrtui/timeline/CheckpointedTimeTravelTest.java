package io.jrrtui.timeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.arch.Registers;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.replay.ReplaySession;
import io.jrrtui.target.StopReason;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.testsupport.Nm;
import io.jrrtui.trace.TraceReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints made as forward replay goes, and reverse searches by growing intervals, land in
 * exactly the state forward replay reaches: same event, registers and writable memory. The
 * program is bench_million cut down to 30,000 events; the reference is a plain replay session
 * that only runs forward from the start.
 */
class CheckpointedTimeTravelTest {
    private static final int EVENTS = 30_000;

    @TempDir
    static Path tmp;
    private static Path trace;

    @BeforeAll
    static void record() {
        trace = tmp.resolve("trace");
        Jrr.Run r = Jrr.run("record", "-q", "-o", trace.toString(), "--stdout", "/dev/null", "--",
                Jrr.binary("bench_million").toString(), Integer.toString(EVENTS), "20");
        assertEquals(0, r.status(), r.errText());
    }

    /** An exact position and the state there. */
    private record State(long event, Registers regs, String memory) {}

    private static State state(ReplaySession s) {
        if (s.exited()) throw new AssertionError("the program has ended (event " + s.currentEvent() + ")");
        try {
            return new State(s.currentEvent(), s.registers(), MemoryDigest.of(s));
        } catch (RuntimeException e) {
            throw new AssertionError("no state at event " + s.currentEvent() + " pid " + s.pid(), e);
        }
    }

    private static void assertSameState(State expected, State actual, String what) {
        assertEquals(expected.event(), actual.event(), what + ": event");
        assertArrayEquals(expected.regs().raw(), actual.regs().raw(), what + ": registers");
        assertEquals(expected.memory(), actual.memory(), what + ": writable memory");
    }

    private static ReplaySession open() {
        return ReplaySession.start(TraceReader.open(trace), OutputSink.DISCARD);
    }

    private static long tick(ReplaySession s) {
        return s.executableBase() + Nm.symbol(Jrr.binary("bench_million"), "tick").value();
    }

    private static long counter(ReplaySession s) {
        return s.executableBase() + Nm.symbol(Jrr.binary("bench_million"), "counter").value();
    }

    @Test
    void gotoFromCheckpointsMadeMidRunMatchesForwardReplay() {
        long[] targets = {29_000, 2, 15_001, 7_777, 29_999, 20_000, 100};
        List<State> expected = new ArrayList<>();
        try (ReplaySession ref = open()) {
            for (long t : java.util.Arrays.stream(targets).sorted().toArray()) {
                ref.runToEvent(t);
                expected.add(state(ref));
            }
        }
        ReplaySession replay = open();
        try (Timeline tl = new Timeline(replay)) {
            tl.goToEvent(EVENTS); // forward over the whole run: checkpoints are made on the way
            assertTrue(tl.checkpointEvents().size() > 2, "checkpoints made during forward replay: " + tl.checkpointEvents());
            for (long t : targets) {
                tl.goToEvent(t);
                State want = expected.stream().filter(x -> x.event() == t).findFirst().orElseThrow();
                assertSameState(want, state(replay), "goto " + t);
            }
        }
    }

    @Test
    void reverseContinueToBreakpointsMatchesForwardReplay() {
        List<State> hits = new ArrayList<>();
        try (ReplaySession ref = open()) {
            ref.addBreakpoint(tick(ref));
            while (true) {
                StopReason r = ref.cont(Long.MAX_VALUE, true);
                if (r.kind() != StopReason.Kind.BREAKPOINT) break;
                hits.add(state(ref));
            }
        }
        assertEquals(EVENTS / 100, hits.size(), "tick runs every 100 iterations");
        ReplaySession replay = open();
        try (Timeline tl = new Timeline(replay)) {
            long tick = tick(replay);
            tl.continueForward(); // to the end, making checkpoints
            assertTrue(tl.atEnd());
            tl.addBreakpoint(tick);
            for (int back = 1; back <= 3; back++) {
                ReverseResult rr = tl.reverseContinue();
                assertNotNull(rr.hit(), "hit " + back + " from the end");
                assertSameState(hits.get(hits.size() - back), state(replay), "reverse-continue #" + back);
            }
            // far back: the first hit, then the start of history
            tl.goToEvent(hits.get(1).event() + 1);
            ReverseResult rr = tl.reverseContinue();
            assertNotNull(rr.hit());
            assertSameState(hits.get(1), state(replay), "reverse-continue to the second hit");
            assertNotNull(tl.reverseContinue().hit());
            assertSameState(hits.get(0), state(replay), "reverse-continue to the first hit");
            assertTrue(tl.reverseContinue().reachedStart());
        }
    }

    @Test
    void reverseContinueWithNothingArmedGoesStraightToTheStart() {
        State start;
        try (ReplaySession ref = open()) {
            start = state(ref);
        }
        ReplaySession replay = open();
        try (Timeline tl = new Timeline(replay)) {
            tl.goToEvent(EVENTS - 10);
            assertTrue(tl.reverseContinue().reachedStart());
            assertSameState(start, state(replay), "reverse-continue without breakpoints or watchpoints");
        }
    }

    /** A search that walks back checkpoint by checkpoint grows its step past 4^32 (it overflowed to 0 and looped). */
    @Test
    void searchIntervalsKeepGrowingWithoutOverflow() {
        long step = 1;
        for (int i = 0; i < 100; i++) {
            long next = Timeline.grown(step);
            assertTrue(next >= step && next > 0, "step " + i + ": " + step + " -> " + next);
            step = next;
        }
    }

    /**
     * The events where a search's next intervals start, forked on the way to the first one: the
     * same sequence the search walks (1, 4, 16... events further back each), ascending, never at
     * or before the search's bound, and without overflow for a huge step.
     */
    @Test
    void theWaypointsOfASearchAreTheStartsOfItsNextIntervals() {
        assertEquals(List.of(129L, 193L, 209L, 213L), Timeline.nextStarts(214, 1, 1));
        assertEquals(List.of(209L, 213L), Timeline.nextStarts(214, 1, 200));
        assertEquals(List.of(), Timeline.nextStarts(214, Long.MAX_VALUE / 2, 1));
    }

    @Test
    void reverseContinueToWatchpointFromTheEndMatchesForwardReplay() {
        State last;
        try (ReplaySession ref = open()) {
            ref.runToEvent(EVENTS - 50);
            ref.addWatchpoint(counter(ref), 8, false);
            State seen = null;
            while (true) {
                StopReason r = ref.cont(Long.MAX_VALUE, true);
                if (r.kind() != StopReason.Kind.WATCHPOINT) break;
                seen = state(ref);
            }
            last = seen;
        }
        assertNotNull(last, "counter is written at the end");
        ReplaySession replay = open();
        try (Timeline tl = new Timeline(replay)) {
            long counter = counter(replay);
            tl.continueForward();
            tl.addWatchpoint(counter, 8, false);
            ReverseResult rr = tl.reverseContinue();
            assertNotNull(rr.hit());
            assertEquals(Hit.Kind.WATCHPOINT, rr.hit().kind());
            assertSameState(last, state(replay), "watch reverse-continue from the end");
        }
    }
}
