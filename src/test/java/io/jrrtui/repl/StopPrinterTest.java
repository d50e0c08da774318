package io.jrrtui.repl;

import static io.jrrtui.repl.FakeSession.MAIN_37;
import static io.jrrtui.repl.FakeSession.SCRIBBLE_18;
import static io.jrrtui.repl.FakeSession.SOURCE;
import static io.jrrtui.repl.FakeSession.TALLY_13;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jrrtui.api.BreakpointInfo;
import io.jrrtui.api.FrameInfo;
import io.jrrtui.api.SourceLocation;
import io.jrrtui.api.StopEvent;
import io.jrrtui.api.StopEvent.Reason;
import io.jrrtui.api.Variable;
import io.jrrtui.api.WatchChange;
import java.util.List;
import org.junit.jupiter.api.Test;

class StopPrinterTest {
    private static final String L13 = "13\t    counter += i;            /* TALLY: the honest write */\n";
    private static final String L18 = "18\t        counter = -1000;     /* CULPRIT: the write that does the damage */\n";
    private static final String L37 = "37\t        tally(i);\n";

    private final StopPrinter printer = new StopPrinter(new SourceCache(), new ValueHistory());

    private static StopEvent stop(Reason r, SourceLocation where, int bp) {
        return new StopEvent(r, where, 10, bp, null, null, null, false);
    }

    private static FrameInfo frame(SourceLocation where, boolean exact, Variable... args) {
        return new FrameInfo(0, where, List.of(args), exact);
    }

    @Test
    void breakpointStopShowsNumberFrameAndSourceLine() {
        BreakpointInfo bp = new BreakpointInfo(1, "breakpoint", true, false, "tally", List.of(TALLY_13), null, 1);
        assertEquals("\nBreakpoint 1, tally (i=3) at dbg_corrupt.c:13\n" + L13,
                printer.stop(stop(Reason.BREAKPOINT, TALLY_13, 1), frame(TALLY_13, true, new Variable("i", "3")), bp));
    }

    @Test
    void temporaryBreakpointAndMidStatementAddress() {
        BreakpointInfo bp = new BreakpointInfo(2, "breakpoint", true, true, "*0x401139", List.of(TALLY_13), null, 1);
        SourceLocation mid = new SourceLocation(0x401139, "tally", SOURCE, 13);
        assertEquals("\nTemporary breakpoint 2, 0x0000000000401139 in tally (i=3) at dbg_corrupt.c:13\n" + L13,
                printer.stop(stop(Reason.BREAKPOINT, mid, 2), frame(mid, false, new Variable("i", "3")), bp));
    }

    @Test
    void watchpointShowsOldAndNewValuesThenLocation() {
        // a reverse stop: gdb names the values as you move, Old is the value after the write
        BreakpointInfo w = new BreakpointInfo(2, "hw watchpoint", true, false, "-location counter", List.of(), null, 1);
        StopEvent s = new StopEvent(Reason.WATCHPOINT, SCRIBBLE_18, 40, 2, new WatchChange("-location counter", "435", "-1000"),
                null, null, true);
        assertEquals("\nHardware watchpoint 2: -location counter\n\nOld value = -1000\nNew value = 435\n"
                + "scribble (i=37) at dbg_corrupt.c:18\n" + L18,
                printer.stop(s, frame(SCRIBBLE_18, true, new Variable("i", "37")), w));
    }

    @Test
    void readWatchpointShowsValue() {
        BreakpointInfo w = new BreakpointInfo(3, "read watchpoint", true, false, "counter", List.of(), null, 1);
        StopEvent s = new StopEvent(Reason.WATCHPOINT, TALLY_13, 40, 3, new WatchChange("counter", "435", "435"), null, null, false);
        assertEquals("\nHardware read watchpoint 3: counter\n\nValue = 435\ntally (i=3) at dbg_corrupt.c:13\n" + L13,
                printer.stop(s, frame(TALLY_13, true, new Variable("i", "3")), w));
    }

    @Test
    void stepInSameFunctionShowsOnlyTheLineAndAnotherFunctionItsFrame() {
        printer.stop(stop(Reason.BREAKPOINT, MAIN_37, 0), frame(MAIN_37, true), null);
        assertEquals("tally (i=0) at dbg_corrupt.c:13\n" + L13,
                printer.stop(stop(Reason.STEP, TALLY_13, 0), frame(TALLY_13, true, new Variable("i", "0")), null));
        assertEquals(L13, printer.stop(stop(Reason.STEP, TALLY_13, 0), frame(TALLY_13, true), null));
        SourceLocation mid = new SourceLocation(0x40113a, "tally", SOURCE, 13);
        assertEquals("0x000000000040113a\t" + L13, printer.stop(stop(Reason.STEP, mid, 0), frame(mid, false), null));
    }

    @Test
    void finishNumbersTheReturnedValue() {
        StopEvent s = new StopEvent(Reason.FINISH, MAIN_37, 10, 0, null, null, "42", false);
        SourceLocation ret = new SourceLocation(0x4011f5, "main", SOURCE, 37);
        StopEvent r = new StopEvent(Reason.FINISH, ret, 10, 0, null, "42", null, false);
        assertEquals("Run till exit from #0  tally (i=3) at dbg_corrupt.c:13\n",
                printer.runTillExit(frame(TALLY_13, true, new Variable("i", "3"))));
        assertEquals("0x00000000004011f5 in main () at dbg_corrupt.c:37\n" + L37 + "Value returned is $1 = 42\n",
                printer.stop(r, frame(ret, false), null));
        assertEquals("main () at dbg_corrupt.c:37\n" + L37, printer.stop(s, frame(MAIN_37, true), null));
    }

    @Test
    void exitsAndHistoryEnds() {
        assertEquals("[Inferior 1 (process 1) exited normally]\n",
                printer.stop(new StopEvent(Reason.EXITED, null, 99, 0, null, null, "exited normally", false), null, null));
        assertEquals("[Inferior 1 (process 4242) exited with code 012]\n",
                printer.stop(new StopEvent(Reason.EXITED, null, 99, 0, null, null, "process 4242 exited with code 012", false),
                        null, null));
        assertEquals("[Inferior 1 (process 1) exited with code 03]\n",
                printer.stop(new StopEvent(Reason.EXITED, null, 99, 0, null, "3", null, false), null, null));
        SourceLocation start = new SourceLocation(0x7ffff7fe3290L, "_start", null, 0);
        assertEquals("\nNo more reverse-execution history.\n0x00007ffff7fe3290 in _start ()\n",
                printer.stop(new StopEvent(Reason.START_OF_HISTORY, start, 1, 0, null, null, null, true), frame(start, true), null));
    }

    @Test
    void framesWithoutLinesNameTheirLibrary() {
        FakeSession session = new FakeSession();
        printer.setLibraryLookup(StopPrinter.libraries(session));
        SourceLocation inLibc = new SourceLocation(0x7ffff7e00000L, "printf", null, 0);
        assertEquals("#2  0x00007ffff7e00000 in printf () from /lib/x86_64-linux-gnu/libc.so.6",
                printer.backtraceLine(new FrameInfo(2, inLibc, List.of(), false)));
        SourceLocation nowhere = new SourceLocation(0x1000, null, null, 0);
        assertEquals("#3  0x0000000000001000 in ?? ()", printer.backtraceLine(new FrameInfo(3, nowhere, List.of(), false)));
    }

    @Test
    void signalsGetGdbDescriptions() {
        assertEquals("\nProgram received signal SIGSEGV, Segmentation fault.\ntally (i=3) at dbg_corrupt.c:13\n" + L13,
                printer.stop(new StopEvent(Reason.SIGNAL, TALLY_13, 5, 0, null, null, "SIGSEGV", false),
                        frame(TALLY_13, true, new Variable("i", "3")), null));
    }

    @Test
    void breakpointCreationWording() {
        assertEquals("Breakpoint 1 at 0x401136: file dbg_corrupt.c, line 13.\n", printer.breakpointCreated(
                new BreakpointInfo(1, "breakpoint", true, false, "tally", List.of(TALLY_13), null, 0)));
        assertEquals("Temporary breakpoint 2 at 0x401136: dbg_corrupt.c:13. (2 locations)\n", printer.breakpointCreated(
                new BreakpointInfo(2, "breakpoint", true, true, "tally", List.of(TALLY_13, MAIN_37), null, 0)));
        assertEquals("Breakpoint 3 at 0x401000\n", printer.breakpointCreated(new BreakpointInfo(3, "breakpoint", true, false,
                "*0x401000", List.of(new SourceLocation(0x401000, null, null, 0)), null, 0)));
        assertEquals("Hardware access (read/write) watchpoint 4: counter\n", printer.breakpointCreated(
                new BreakpointInfo(4, "acc watchpoint", true, false, "counter", List.of(), null, 0)));
    }

    @Test
    void breakpointTableLayout() {
        List<BreakpointInfo> bps = List.of(
                new BreakpointInfo(1, "breakpoint", true, false, "tally", List.of(TALLY_13), "i == 3", 1),
                new BreakpointInfo(2, "hw watchpoint", false, false, "counter", List.of(), null, 2),
                new BreakpointInfo(3, "breakpoint", true, true, "tally", List.of(TALLY_13, MAIN_37), null, 0));
        assertEquals("""
                Num     Type           Disp Enb Address            What
                1       breakpoint     keep y   0x0000000000401136 in tally at dbg_corrupt.c:13
                \tstop only if i == 3
                \tbreakpoint already hit 1 time
                2       hw watchpoint  keep n                      counter
                \tbreakpoint already hit 2 times
                3       breakpoint     del  y   <MULTIPLE>
                3.1                         y   0x0000000000401136 in tally at dbg_corrupt.c:13
                3.2                         y   0x00000000004011f0 in main at dbg_corrupt.c:37
                """, printer.breakpointTable(bps));
        assertEquals("No breakpoints or watchpoints.\n", printer.breakpointTable(List.of()));
    }

    @Test
    void missingSourceFileSaysSo() {
        SourceLocation gone = new SourceLocation(0x401000, "f", "/nonexistent/dir/gone.c", 7);
        assertEquals("#1  0x0000000000401000 in f (a=1, b=0x0) at gone.c:7\n7\tgone.c: No such file or directory.\n",
                printer.selectedFrame(new FrameInfo(1, gone, List.of(new Variable("a", "1"), new Variable("b", "0x0")), false)));
    }
}
