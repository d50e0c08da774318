package io.jrrtui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.arch.Registers;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.replay.ReplaySession;
import io.jrrtui.target.StopReason;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.TraceReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reverse-continue to watchpoints and breakpoints, reverse-stepi, goto event — on a real replay. */
class TimelineTest {
    @TempDir
    Path tmp;
    private Timeline timeline;
    /** The replay the timeline moves (the test reads it directly). */
    private ReplaySession session;
    private long base;

    @BeforeEach
    void start() {
        Path dir = tmp.resolve("trace");
        Jrr.Run r = Jrr.run("record", "-q", "-o", dir.toString(), "--stdout", tmp.resolve("out").toString(), "--",
                Jrr.binary("dbg_corrupt").toString());
        assertEquals(0, r.status(), r.errText());
        session = ReplaySession.start(TraceReader.open(dir), OutputSink.DISCARD);
        timeline = new Timeline(session);
        base = session.executableBase();
    }

    @AfterEach
    void stop() {
        timeline.close();
    }

    private long sym(String name) {
        return base + io.jrrtui.testsupport.Nm.symbol(Jrr.binary("dbg_corrupt"), name).value();
    }

    private boolean inFunction(long pc, String name) {
        io.jrrtui.testsupport.Nm.Sym s = io.jrrtui.testsupport.Nm.symbol(Jrr.binary("dbg_corrupt"), name);
        return pc >= base + s.value() && pc < base + s.value() + s.size();
    }

    private int counter() {
        return ByteBuffer.wrap(session.readMemory(sym("counter"), 4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    @Test
    void watchAndReverseContinueFindsTheCulprit() {
        timeline.addBreakpoint(sym("report"));
        assertEquals(StopReason.Kind.BREAKPOINT, timeline.continueForward().kind());
        assertEquals(-1000, counter(), "the damage is visible at report()");
        timeline.removeBreakpoint(sym("report"));

        timeline.addWatchpoint(sym("counter"), 4, false);
        ReverseResult back = timeline.reverseContinue();
        assertNotNull(back.hit());
        assertEquals(Hit.Kind.WATCHPOINT, back.hit().kind());
        assertTrue(inFunction(timeline.now().rip(), "scribble"), "lands in scribble, the culprit");
        assertEquals(-1000, counter());

        ReverseResult earlier = timeline.reverseContinue();
        assertEquals(Hit.Kind.WATCHPOINT, earlier.hit().kind());
        assertTrue(inFunction(timeline.now().rip(), "tally"), "the write before it is the last honest tally");
        assertEquals(435, counter());
    }

    @Test
    void reverseContinueToBreakpointThenToTheStart() {
        timeline.addBreakpoint(sym("tally"));
        for (int i = 0; i < 5; i++) timeline.continueForward();
        Registers fifth = timeline.now().regs();
        assertEquals(4, fifth.get(Registers.RDI), "fifth call is tally(4)");
        ReverseResult back = timeline.reverseContinue();
        assertEquals(Hit.Kind.BREAKPOINT, back.hit().kind());
        assertEquals(3, timeline.now().regs().get(Registers.RDI), "back to tally(3)");
        timeline.continueForward();
        assertEquals(fifth, timeline.now().regs(), "forward again reaches the same state");
        for (int i = 0; i < 4; i++) assertNotNull(timeline.reverseContinue().hit());
        assertEquals(0, timeline.now().regs().get(Registers.RDI));
        ReverseResult start = timeline.reverseContinue();
        assertTrue(start.reachedStart());
        assertEquals(timeline.start().regs(), timeline.now().regs());
    }

    @Test
    void reverseStepiThenStepiReturnsToTheSameState() {
        timeline.addBreakpoint(sym("square_sum"));
        timeline.continueForward();
        timeline.removeBreakpoint(sym("square_sum"));
        for (int i = 0; i < 6; i++) session.stepInstruction();
        Mark here = timeline.now();
        assertTrue(timeline.reverseStepi());
        Mark before = timeline.now();
        assertFalse(here.sameState(before.regs()));
        session.stepInstruction();
        assertTrue(here.sameState(timeline.now().regs()), "stepping forward from the previous instruction comes back");
    }

    @Test
    void gotoEventForwardAndBack() {
        long last = session.eventCount();
        timeline.goToEvent(last - 1);
        assertEquals(last - 1, session.currentEvent());
        timeline.goToEvent(3);
        assertEquals(3, session.currentEvent());
        timeline.goToEvent(last - 1);
        assertEquals(last - 1, session.currentEvent());
    }
}
