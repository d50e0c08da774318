package io.jrrtui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.api.DebugSession;
import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.StopEvent;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.session.ReplayDebugger;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.TraceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The debugger core on a real recording of dbg_corrupt: breakpoints, stepping, the reverse hunt. */
class DebuggerTest {
    @TempDir
    Path tmp;
    private Debugger dbg;

    @BeforeEach
    void open() {
        Path dir = tmp.resolve("trace");
        Jrr.Run r = Jrr.run("record", "-q", "-o", dir.toString(), "--stdout", tmp.resolve("out").toString(), "--",
                Jrr.binary("dbg_corrupt").toString());
        assertEquals(0, r.status(), r.errText());
        dbg = ReplayDebugger.open(TraceReader.open(dir), 1, OutputSink.DISCARD);
    }

    @AfterEach
    void close() {
        dbg.close();
    }

    /** The line of the source marked with tag (e.g. CULPRIT). */
    static int lineOf(String tag) throws IOException {
        List<String> src = Files.readAllLines(Jrr.source("dbg_corrupt"));
        for (int i = 0; i < src.size(); i++) if (src.get(i).contains(tag)) return i + 1;
        throw new AssertionError(tag);
    }

    @Test
    void watchAndReverseContinueLandsOnTheCulpritLine() throws IOException {
        dbg.addBreakpoint("report", null, false);
        StopEvent s = dbg.cont();
        assertEquals(StopEvent.Reason.BREAKPOINT, s.reason());
        assertEquals("report", s.where().function());
        assertEquals("-1000", dbg.print("counter", null));
        dbg.addWatchpoint("counter", DebugSession.WatchKind.WRITE, true);
        StopEvent back = dbg.reverseContinue();
        assertEquals(StopEvent.Reason.WATCHPOINT, back.reason(), back.toString());
        assertTrue(back.reverse());
        assertEquals(lineOf("/* CULPRIT"), back.where().line(), back.toString());
        assertEquals("scribble", back.where().function());
        assertNotNull(back.watch());
        assertEquals("435", back.watch().oldValue());
        assertEquals("-1000", back.watch().newValue());
        assertEquals("37", dbg.print("i", null));
        List<FrameInfo> bt = dbg.backtrace(0);
        assertEquals("scribble", bt.get(0).where().function());
        assertEquals("main", bt.get(1).where().function());
    }

    @Test
    void nextStepFinishAndReverseNext() throws IOException {
        dbg.addBreakpoint("tally", null, false);
        StopEvent s = dbg.cont();
        assertEquals(lineOf("/* TALLY"), s.where().line());
        assertEquals("0", dbg.print("i", null));
        StopEvent fin = dbg.finish();
        assertEquals(StopEvent.Reason.FINISH, fin.reason());
        assertEquals("main", fin.where().function());
        StopEvent n1 = dbg.next();
        assertEquals(StopEvent.Reason.STEP, n1.reason());
        int afterNext = n1.where().line();
        StopEvent back = dbg.reverseNext();
        assertEquals(StopEvent.Reason.STEP, back.reason());
        assertTrue(back.where().line() < afterNext || back.where().function().equals("main"), back.toString());
        StopEvent again = dbg.next();
        assertEquals(afterNext, again.where().line(), "reverse-next then next returns to the same line");
    }

    @Test
    void reverseNextThenNextRestoresTheSameRegistersAndMemory() {
        dbg.addBreakpoint("square_sum", null, false);
        dbg.cont();
        dbg.next();
        dbg.next();
        List<io.jrrtui.api.Variable> regs = dbg.registers();
        String locals = dbg.locals(0).toString();
        long memory = writableMemoryDigest();
        dbg.reverseNext();
        dbg.next();
        assertEquals(regs, dbg.registers());
        assertEquals(locals, dbg.locals(0).toString());
        assertEquals(memory, writableMemoryDigest(), "every writable page is the same again");
    }

    /** A CRC of every readable, writable mapping of the replayed program (stack, heap, data). */
    private long writableMemoryDigest() {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        for (io.jrrtui.target.MemoryRegion r : dbg.target().memoryMap()) {
            if (!r.perms().startsWith("rw") || r.path().startsWith("[v")) continue;
            crc.update(dbg.target().readMemory(r.start(), (int) (r.end() - r.start())));
        }
        return crc.getValue();
    }

    @Test
    void stepiThenReverseStepiWalksBackThroughTheSameStates() {
        dbg.addBreakpoint("square_sum", null, false);
        dbg.cont();
        List<List<io.jrrtui.api.Variable>> states = new java.util.ArrayList<>();
        states.add(dbg.registers());
        for (int i = 0; i < 6; i++) {
            dbg.stepi();
            states.add(dbg.registers());
        }
        for (int i = 5; i >= 0; i--) {
            StopEvent s = dbg.reverseStepi();
            assertTrue(s.reverse());
            assertEquals(states.get(i), dbg.registers(), "state " + i);
        }
    }

    @Test
    void reverseFinishGoesToTheCallAndStartIsReportedNotAnError() {
        dbg.addBreakpoint("scribble", null, false);
        dbg.cont();
        StopEvent s = dbg.reverseFinish();
        assertEquals("main", s.where().function());
        dbg.deleteBreakpoints(List.of());
        StopEvent start = dbg.reverseContinue();
        assertEquals(StopEvent.Reason.START_OF_HISTORY, start.reason());
        assertEquals("No more reverse-execution history.", start.detail());
    }

    @Test
    void examineMemoryAndInstructions() {
        dbg.addBreakpoint("report", null, false);
        dbg.cont();
        List<String> words = dbg.examine("1dw", "&counter");
        assertTrue(words.get(0).matches("0x[0-9a-f]+ <counter>:\\t-1000"), words.toString());
        List<String> insns = dbg.examine("3i", "$pc");
        assertEquals(3, insns.size());
        assertTrue(insns.get(0).startsWith("=> 0x"), insns.toString());
        assertTrue(insns.get(0).contains("<report+"), insns.toString());
    }

    @Test
    void aBareLineAndListAtTheFirstPromptMeanMainsFileAsInGdb() throws IOException {
        // the session starts in _start (no source): gdb's default source is main's file
        int culprit = lineOf("/* CULPRIT");
        dbg.addBreakpoint(Integer.toString(culprit), null, false);
        assertEquals(culprit, dbg.cont().where().line());
        assertTrue(dbg.list(null).stream().anyMatch(l -> l.startsWith(culprit + "\t")), "lists around the stop");
    }

    @Test
    void aLibraryBreakpointSetBeforeTheLibraryIsLoadedIsHit() {
        // At the first prompt libc is not mapped yet: the breakpoint waits for its code. ld.so maps
        // libc whole and then its code segment over that (MAP_FIXED): an int3 written into the first
        // mapping goes with it, and the breakpoint used to be passed by (the program ran to its end).
        dbg.addBreakpoint("printf", null, false);
        StopEvent s = dbg.cont();
        assertEquals(StopEvent.Reason.BREAKPOINT, s.reason(), s.toString());
        assertTrue(s.where().function().contains("printf"), s.toString());
        assertEquals("main", dbg.backtrace(2).get(1).where().function());
        StopEvent next = dbg.cont();
        assertEquals(StopEvent.Reason.BREAKPOINT, next.reason(), "the next call stops too: " + next);
    }

    @Test
    void listAtTheFirstPromptShowsMain() {
        List<String> shown = dbg.list(null);
        assertTrue(shown.stream().anyMatch(l -> l.contains("main")), shown.toString());
    }
}
