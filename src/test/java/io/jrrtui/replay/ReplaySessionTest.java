package io.jrrtui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.arch.Registers;
import io.jrrtui.target.StopReason;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.TraceReader;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Breakpoints, hardware watchpoints, single steps and fork checkpoints on a real replay. */
class ReplaySessionTest {
    @TempDir
    Path tmp;
    private TraceReader trace;

    @BeforeEach
    void record() {
        Path dir = tmp.resolve("trace");
        Jrr.Run r = Jrr.run("record", "-q", "-o", dir.toString(), "--stdout", tmp.resolve("out").toString(), "--",
                Jrr.binary("dbg_corrupt").toString());
        assertEquals(0, r.status(), r.errText());
        trace = TraceReader.open(dir);
    }

    private static int readInt(ReplaySession s, long addr) {
        return ByteBuffer.wrap(s.readMemory(addr, 4)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    @Test
    void breakpointIsHitOncePerCall() {
        try (ReplaySession s = ReplaySession.start(trace, OutputSink.DISCARD)) {
            long tally = s.executableBase() + io.jrrtui.testsupport.Nm.address(Jrr.binary("dbg_corrupt"), "tally");
            s.addBreakpoint(tally);
            int hits = 0;
            StopReason r;
            while ((r = s.cont(Long.MAX_VALUE, true)).kind() == StopReason.Kind.BREAKPOINT) {
                assertEquals(tally, r.address());
                assertEquals(tally, s.registers().rip());
                assertEquals(hits, (int) s.registers().get(Registers.RDI), "tally(i) argument");
                hits++;
            }
            assertEquals(StopReason.Kind.EXITED, r.kind());
            assertEquals(30, hits);
        }
    }

    @Test
    void watchpointCatchesEveryWriteIncludingTheCulprit() {
        try (ReplaySession s = ReplaySession.start(trace, OutputSink.DISCARD)) {
            long counter = s.executableBase() + io.jrrtui.testsupport.Nm.address(Jrr.binary("dbg_corrupt"), "counter");
            s.addWatchpoint(counter, 4, false);
            int writes = 0;
            boolean sawCulprit = false;
            StopReason r;
            while ((r = s.cont(Long.MAX_VALUE, true)).kind() == StopReason.Kind.WATCHPOINT) {
                writes++;
                if (readInt(s, counter) == -1000) sawCulprit = true;
            }
            assertEquals(StopReason.Kind.EXITED, r.kind());
            assertTrue(sawCulprit);
            assertEquals(31, writes, "30 tallies (one of them adds 0 but still writes) and one scribble");
        }
    }

    @Test
    void checkpointRestoresStateAndReplaysTheSameFuture() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ReplaySession s = ReplaySession.start(trace, (e, tid, stream, data) -> out.writeBytes(data))) {
            long counter = s.executableBase() + io.jrrtui.testsupport.Nm.address(Jrr.binary("dbg_corrupt"), "counter");
            long middle = s.eventCount() / 2;
            s.runToEvent(middle);
            Registers atCheckpoint = s.registers();
            int counterAtCheckpoint = readInt(s, counter);
            Checkpoint cp = s.checkpoint();
            StopReason end = s.runToEnd();
            assertEquals(StopReason.Kind.EXITED, end.kind());
            String firstRun = out.toString();
            out.reset();

            s.restore(cp);
            assertEquals(middle, s.currentEvent());
            assertEquals(atCheckpoint, s.registers());
            assertEquals(counterAtCheckpoint, readInt(s, counter));
            assertEquals(StopReason.Kind.EXITED, s.runToEnd().kind());
            assertTrue(firstRun.endsWith(out.toString()), "the restored run prints the same tail");

            s.restore(cp); // a checkpoint can be restored again
            assertEquals(StopReason.Kind.EXITED, s.runToEnd().kind());
        }
    }

    @Test
    void singleStepMovesOneInstructionAndThroughSyscalls() {
        try (ReplaySession s = ReplaySession.start(trace, OutputSink.DISCARD)) {
            long startEvent = s.currentEvent();
            long rip = s.registers().rip();
            StopReason r = s.stepInstruction();
            assertEquals(StopReason.Kind.STEP, r.kind());
            assertTrue(s.registers().rip() != rip);
            int steps = 0;
            while (s.currentEvent() == startEvent && steps < 200_000) {
                s.stepInstruction();
                steps++;
            }
            assertEquals(startEvent + 1, s.currentEvent(), "stepping reaches the next event");
            assertEquals(StopReason.Kind.EXITED, s.runToEnd().kind(), "and the replay stays in step with the recording");
        }
    }
}
