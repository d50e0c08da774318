package io.jrrtui.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import io.jrrtui.debugger.Debugger;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.session.ReplayDebugger;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.Event;
import io.jrrtui.trace.SyscallEvent;
import io.jrrtui.trace.TraceReader;
import io.jrrtui.trace.TraceReader.EventCursor;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TUI over a real Debugger and a real recording of test-binaries/dbg_corrupt.c (the CULPRIT
 * write at line 18 with i == 37, all output is one write just before the exit), rendered into
 * Lanterna's virtual terminal. How many events the loader makes depends on the machine (CPUs that
 * fault on cpuid record each one), so the event numbers are read from the recording.
 */
class TuiTest {
    @TempDir
    static Path tmp;
    static Path trace;
    /** The number of events the status line counts, and the event of the program's one write. */
    static long events;
    static long writeEvent;

    @BeforeAll
    static void record() {
        trace = TuiHarness.record(tmp);
        try (Debugger d = ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD)) {
            events = d.eventCount();
        }
        try (EventCursor c = TraceReader.open(trace).events()) {
            for (Event e = c.next(); e != null; e = c.next()) {
                if (e instanceof SyscallEvent s && s.outputStream() == 1) writeEvent = s.number();
            }
        }
        assertTrue(writeEvent > 0 && events >= writeEvent, "events " + events + ", write at " + writeEvent);
    }

    @Test
    void everyPaneAndTheStatusLineShowAtStart() {
        try (TuiHarness t = TuiHarness.open(trace)) {
            String s = t.screen();
            for (String title : new String[] {"-1 Source", "-2 Disassembly", "-3 Registers", "-4 Timeline", "-5 Watch",
                    "-6 Backtrace", "-7 Threads", "-8 Output", "-9 Console"}) {
                assertTrue(s.contains(title), title + " missing:\n" + s);
            }
            // event 1 is the dynamic loader's entry: no source; the Source pane says so (the
            // Disassembly pane shows the code, once)
            assertTrue(s.contains("Source: no source"), s);
            assertTrue(s.contains("No source: _start has no line information."), s);
            assertTrue(s.contains("<_dl_start>"), s);
            assertTrue(s.contains("rip"), s);
            assertTrue(s.contains("exec /"), "timeline shows event 1, the exec:\n" + s);
            assertTrue(s.contains("(no output yet)"), s);
            assertTrue(s.contains("(no watches: press w)"), s);
            String status = t.statusLine();
            assertTrue(status.matches(" event 1/\\d+ +\\d+%  thread \\d+ \\(LWP \\d+\\)  start  forward.*"), status);
        }
    }

    @Test
    void forwardAndReverseKeysMoveThroughMain() {
        try (TuiHarness t = TuiHarness.open(trace)) {
            String s = t.stopAt("main", "Source: dbg_corrupt.c:35");
            assertTrue(s.contains("B>   35      int work = 0;"), "breakpoint and current line marked:\n" + s);
            assertTrue(s.contains("Breakpoint 1, main () at dbg_corrupt.c:35"), s);
            assertTrue(t.statusLine().contains("breakpoint 1  forward"), t.statusLine());
            t.type("n").waitFor("Source: dbg_corrupt.c:36");
            assertTrue(t.statusLine().contains("step  forward"), t.statusLine());
            t.type("N").waitFor("Source: dbg_corrupt.c:35");
            assertTrue(t.statusLine().contains("reverse"), t.statusLine());
            t.command("break tally").waitFor("Breakpoint 2 at");
            t.type("c").waitFor("Source: dbg_corrupt.c:13");
            // panes refresh one after another: wait for the backtrace too before reading it
            s = t.waitFor("#0  tally (i=0) at dbg_corrupt.c:13");
            assertTrue(s.contains("#1  main () at dbg_corrupt.c:37"), s);
            t.type("F").waitFor("Source: dbg_corrupt.c:37");
            assertTrue(t.statusLine().contains("reverse"), t.statusLine());
            t.type("s").waitFor("Source: dbg_corrupt.c:13");
            assertTrue(t.statusLine().contains("forward"), t.statusLine());
            t.type("S").waitFor("Source: dbg_corrupt.c:37");
            assertTrue(t.statusLine().contains("reverse"), t.statusLine());
            t.type("s").waitFor("Source: dbg_corrupt.c:13");
            t.type("f").waitFor("Run till exit");
            // tally's call is the last instruction of line 37: finish returns to the start of line 38
            t.waitFor("Source: dbg_corrupt.c:38");
            String before = t.row(findRow(t, "-2 Disassembly"));
            t.type("i").waitUntil(x -> !t.row(findRow(t, "-2 Disassembly")).equals(before), "stepi moving the pc");
            assertTrue(t.statusLine().contains("forward"), t.statusLine());
            // registers changed by the step are marked
            assertTrue(t.screen().contains("* r"), t.screen());
            t.type("I").waitUntil(x -> t.row(findRow(t, "-2 Disassembly")).equals(before), "reverse-stepi back to the pc");
            assertTrue(t.statusLine().contains("reverse"), t.statusLine());
        }
    }

    @Test
    void huntTheCorruptionWithAWatchAndReverseContinue() {
        try (TuiHarness t = TuiHarness.open(trace)) {
            t.stopAt("report", "Source: dbg_corrupt.c:29");
            t.type("w").type("counter").key(KeyType.Enter).waitFor("counter = -1000");
            t.command("watch counter").waitFor("atchpoint 2: counter");
            String s = t.type("C").waitFor("Source: dbg_corrupt.c:18");
            assertTrue(s.contains(" >   18          counter = -1000;     /* CULPRIT"), s);
            assertTrue(s.contains("counter = 435   (was -1000)"), "the watch shows the value before the write:\n" + s);
            assertTrue(s.contains("#0  scribble (i=37) at dbg_corrupt.c:18"), s);
            // the console is gdb's command line: going back, Old is the value being left
            assertTrue(s.contains("Old value = -1000"), s);
            assertTrue(s.contains("New value = 435"), s);
            assertTrue(t.statusLine().contains("watchpoint 2  reverse"), t.statusLine());
            // select main's frame in the Backtrace pane: Source follows it, the watch is read there
            s = t.type("6").key(KeyType.ArrowDown).key(KeyType.Enter).waitFor("Source: dbg_corrupt.c:42");
            assertTrue(s.contains("> #1  main () at dbg_corrupt.c:42"), s);
            assertTrue(s.contains(" >   42          scribble(i);"), s);
            assertTrue(s.contains("counter = 435   (was -1000)"), "still changed since the last stop:\n" + s);
        }
    }

    @Test
    void timelineCursorAndScrubberJumpToAnEvent() {
        try (TuiHarness t = TuiHarness.open(trace)) {
            t.type("4").waitFor("cursor at event 1 ");
            for (int i = 0; i < 9; i++) t.key(KeyType.ArrowDown);
            t.waitFor("cursor at event 10 ");
            String s = t.key(KeyType.Enter).waitFor(" event 10/");
            assertTrue(s.contains(">      10  "), "event 10 marked current:\n" + s);
            t.type("g").type("20").key(KeyType.Enter).waitFor(" event 20/");
            t.type("[").waitFor(" event 19/");
            t.type("]").waitFor(" event 20/");
            t.type("u").waitFor(" event 19/");
            t.type("u").waitFor(" event 20/");
            t.ctrl('r').waitFor(" event 19/");
            t.key(KeyType.End).waitFor("cursor at event " + events + " ");
            t.key(KeyType.Home).waitFor("cursor at event 1 ");
        }
    }

    @Test
    void mouseClickOnTheScrubberGoesThere() {
        try (TuiHarness t = TuiHarness.open(trace)) {
            int bar = findRow(t, "-4 Timeline") + 1;
            int right = t.row(bar).lastIndexOf('.');
            t.key(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(right, bar)));
            t.key(new MouseAction(MouseActionType.CLICK_RELEASE, 1, new TerminalPosition(right, bar)));
            t.waitUntil(s -> !t.statusLine().startsWith(" event 1/"), "a jump after the click");
            long at = Long.parseLong(t.statusLine().replaceAll(" event (\\d+)/.*", "$1"));
            assertTrue(t.statusLine().startsWith(" event " + at + "/" + events + " ") && at >= events * 3 / 4, t.statusLine());
            // the wheel over the Timeline moves its cursor by three events
            String cursor = t.screen().replaceAll("(?s).*cursor at event (\\d+) .*", "$1");
            t.key(new MouseAction(MouseActionType.SCROLL_UP, 4, new TerminalPosition(5, bar + 3)));
            t.waitFor("cursor at event " + (Long.parseLong(cursor) - 3) + " ");
        }
    }

    @Test
    void outputPaneEnterGoesToTheEventThatWroteTheLine() {
        try (TuiHarness t = TuiHarness.open(trace)) {
            String s = t.type("c").waitFor("damage: counter=-1000, expected 435");
            assertTrue(s.contains(String.format("%6d  i=9 counter=45", writeEvent)), "output lines carry their event:\n" + s);
            t.type("8").key(KeyType.Home).key(KeyType.Enter).waitFor(" event " + writeEvent + "/" + events);
        }
    }

    @Test
    void commandLineRunsReplCommandsIntoTheConsole() {
        try (TuiHarness t = TuiHarness.open(trace)) {
            t.command("break scribble if i == 37").waitFor("Breakpoint 1 at");
            t.command("continue").waitFor("Source: dbg_corrupt.c:17");
            String s = t.command("print counter").waitFor("$1 = 435");
            assertTrue(s.contains("(jrr) print counter"), s);
            t.command("print nosuchthing").waitFor("No symbol \"nosuchthing\" in current context.");
            // a command line longer than the screen scrolls while typed and runs whole
            t.type(":print counter" + " + 0".repeat(40));
            t.waitUntil(x -> t.statusLine().endsWith("+ 0 "), "the end of the long line on screen");
            t.key(KeyType.Enter).waitFor("$2 = 435");
        }
    }

    @Test
    void watchesAreAddedRemovedAndHighlightedWhenChanged() {
        try (TuiHarness t = TuiHarness.open(trace)) {
            t.stopAt("tally", "Source: dbg_corrupt.c:13");
            t.type("w").type("counter").key(KeyType.Enter).waitFor("counter = 0");
            t.type("w").type("i * 2").key(KeyType.Enter).waitFor("i * 2 = 0");
            t.type("c").waitFor("tally (i=1)");
            String s = t.type("c").waitFor("counter = 1   (was 0)");
            assertTrue(s.contains("i * 2 = 4   (was 2)") || s.contains("i * 2 = 4"), s);
            t.type("5").key(KeyType.Home).type("d").waitUntil(x -> !x.contains("counter = "), "the watch removed");
        }
    }

    @Test
    void movesTypedAheadRunInTurn() {
        try (TuiHarness t = TuiHarness.open(trace)) {
            // 'c' arrives while the break command runs: it waits for it, then runs
            t.command("break tally").type("c").waitFor("#0  tally (i=0)");
            String s = t.type("ccc").waitFor("#0  tally (i=3)");
            assertTrue(s.contains("Breakpoint 1, tally (i=2)"), "each continue stopped in turn:\n" + s);
        }
    }

    @Test
    void breakpointToggleOnTheSelectedSourceLine() {
        try (TuiHarness t = TuiHarness.open(trace)) {
            t.stopAt("main", "Source: dbg_corrupt.c:35");
            t.type("1");
            for (int i = 0; i < 7; i++) t.key(KeyType.ArrowDown); // line 42: scribble(i);
            String s = t.type("b").waitFor("Breakpoint 2 at");
            // the console line comes first; the Source pane's mark with the reloaded snapshot
            s = t.waitUntil(x -> x.contains("B    42          scribble(i);"), "breakpoint 2 marked on line 42");
            assertTrue(s.contains("B    42          scribble(i);"), s);
            t.type("c").waitFor("Source: dbg_corrupt.c:42");
            t.type("b").waitUntil(x -> x.contains(" >   42          scribble(i);"), "breakpoint 2 removed");
        }
    }

    @Test
    void bookmarksReturnToTheExactMoment() {
        try (TuiHarness t = TuiHarness.open(trace)) {
            t.stopAt("scribble", "Source: dbg_corrupt.c:17");
            t.type("ma").waitFor("bookmark a = event");
            t.type("c").waitFor("#0  scribble (i=31)");
            String s = t.type("'a").waitFor("#0  scribble (i=30)");
            assertTrue(s.contains("Source: dbg_corrupt.c:17"), s);
        }
    }

    @Test
    void panesHideShowResizeAndFocus() {
        try (TuiHarness t = TuiHarness.open(trace)) {
            t.type("7").type("h").waitUntil(x -> !x.contains("-7 Threads"), "Threads hidden");
            t.type("H").waitFor("-7 Threads");
            int before = findRow(t, "-2 Disassembly");
            t.type("1").type("++++");
            t.waitUntil(x -> findRow(t, "-2 Disassembly") > before, "Source grown");
            assertNotEquals(before, findRow(t, "-2 Disassembly"));
            t.key(KeyType.Tab);
            t.type("?").waitFor("reverse-continue");
            String s = t.type("x").waitUntil(x -> !x.contains("any key closes this help"), "help closed");
            assertFalse(s.contains("any key closes"), s);
        }
    }

    @Test
    void functionKeyMapDrivesForwardAndReverse() {
        try (TuiHarness t = TuiHarness.open(trace, "dark", "fkeys")) {
            t.command("break main").waitFor("Breakpoint 1 at");
            t.key(new KeyStroke(KeyType.F5)).waitFor("Source: dbg_corrupt.c:35");
            t.key(new KeyStroke(KeyType.F10)).waitFor("Source: dbg_corrupt.c:36");
            t.key(new KeyStroke(KeyType.F10, true, false)).waitFor("Source: dbg_corrupt.c:35");
            assertTrue(t.statusLine().contains("reverse"), t.statusLine());
            t.command("break tally").waitFor("Breakpoint 2 at");
            t.key(new KeyStroke(KeyType.F5)).waitFor("Source: dbg_corrupt.c:13");
            t.key(new KeyStroke(KeyType.F11, false, false, true)).waitFor("Run till exit");
            t.waitFor("Source: dbg_corrupt.c:38");
            t.key(new KeyStroke(KeyType.F5, true, false)).waitFor("Source: dbg_corrupt.c:13");
            assertTrue(t.statusLine().contains("breakpoint 2  reverse"), t.statusLine());
            t.key(new KeyStroke(KeyType.F11)).waitFor("Source: dbg_corrupt.c:14");
            assertTrue(t.statusLine().contains("forward"), t.statusLine());
            t.command("delete 2").waitUntil(x -> !x.contains("B    13"), "breakpoint 2 deleted");
            t.key(new KeyStroke(KeyType.F11, true, false, true)).waitFor("Run back to call");
            t.waitFor("Source: dbg_corrupt.c:37");
            assertTrue(t.statusLine().contains("reverse"), t.statusLine());
        }
    }

    @Test
    void themeColoursTheScreen() {
        try (TuiHarness t = TuiHarness.open(trace, "light", "default")) {
            TextColor statusBg = t.at(2, TuiHarness.HEIGHT - 1).getBackgroundColor();
            Theme light = Theme.load("light", true);
            assertTrue(statusBg.equals(light.style(Role.STATUS).bg()), "status background " + statusBg);
        }
    }

    @Test
    void resizingDownToATinyTerminalAndBackKeepsDrawing() {
        try (TuiHarness t = TuiHarness.open(trace)) {
            t.terminal.setTerminalSize(new TerminalSize(40, 8));
            t.waitUntil(x -> t.row(7).startsWith(" event 1/" + events), "the status line on row 8");
            t.terminal.setTerminalSize(new TerminalSize(6, 2));
            t.waitUntil(x -> t.row(1).startsWith(" even"), "the status line on row 2");
            t.terminal.setTerminalSize(new TerminalSize(TuiHarness.WIDTH, TuiHarness.HEIGHT));
            t.waitFor("-9 Console");
        }
    }

    @Test
    void timelineFetchesSummariesFarFromTheStart() {
        // bench_loop ITER EVENTS: 3000 getppid calls, far more than the first window of summaries
        Path dir = tmp.resolve("long");
        Jrr.Run r = Jrr.run("record", "-q", "-n", "-o", dir.toString(), "--stdout", tmp.resolve("long.out").toString(), "--",
                Jrr.binary("bench_loop").toString(), "1000", "3000");
        assertEquals(0, r.status(), r.errText());
        try (TuiHarness t = TuiHarness.open(dir)) {
            String s = t.type("4").key(KeyType.End).waitFor("exit 0");
            assertTrue(s.matches("(?s).*cursor at event 30\\d\\d .*"), s);
            s = t.key(KeyType.Home).waitFor("exec /");
            for (int i = 0; i < 12; i++) t.key(KeyType.PageDown);
            s = t.waitUntil(x -> x.contains("getppid") && !x.contains("  ...      t"), "summaries after paging");
            assertFalse(s.contains(" exec "), s);
        }
    }

    static int findRow(TuiHarness t, String text) {
        for (int y = 0; y < TuiHarness.HEIGHT; y++) if (t.row(y).contains(text)) return y;
        return -1;
    }
}
