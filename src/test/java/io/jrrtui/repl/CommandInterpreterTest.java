package io.jrrtui.repl;

import static io.jrrtui.repl.FakeSession.MAIN_37;
import static io.jrrtui.repl.FakeSession.REPORT_29;
import static io.jrrtui.repl.FakeSession.SCRIBBLE_18;
import static io.jrrtui.repl.FakeSession.TALLY_13;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.api.BreakpointInfo;
import io.jrrtui.api.StopEvent;
import io.jrrtui.api.StopEvent.Reason;
import io.jrrtui.api.Variable;
import io.jrrtui.api.WatchChange;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandInterpreterTest {
    private static final String L13 = "13\t    counter += i;            /* TALLY: the honest write */\n";
    private static final String L29 = "29\t    printf(\"work=%d\\n\", work);\n";

    private final FakeSession session = new FakeSession();
    private final CommandInterpreter interp = new CommandInterpreter(session);

    CommandInterpreterTest() {
        // as the REPL does on start: the first step report then knows the function it started in
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        interp.printStatus(sink, sink);
    }

    /** Runs lines with errors interleaved into the same text, as a terminal shows them. */
    private String run(String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        for (String l : lines) interp.execute(l, out, out);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unknownAndAmbiguousCommandsUseGdbWording() {
        assertEquals("Undefined command: \"foo\".  Try \"help\".\n", run("foo"));
        assertEquals("Ambiguous command \"re\": restart, return, reverse-continue, reverse-finish, reverse-next, reverse-nexti, "
                + "reverse-step, reverse-stepi.\n", run("re"));
        assertEquals("Undefined info command: \"bogus\".  Try \"help info\".\n", run("info bogus"));
        assertTrue(run("info").startsWith("\"info\" must be followed by the name of an info command.\n"));
    }

    @Test
    void breakAliasesPrefixesAndConditions() {
        assertEquals("Breakpoint 1 at 0x401136: file dbg_corrupt.c, line 13.\n", run("b tally"));
        assertEquals("Note: breakpoint 1 also set at pc 0x401136.\nBreakpoint 2 at 0x401136: file dbg_corrupt.c, line 13.\n",
                run("brea dbg_corrupt.c:13 if i == 3"));
        assertEquals("Temporary breakpoint 3 at 0x4011a0: file dbg_corrupt.c, line 29.\n", run("tbreak report"));
        assertEquals("Function \"nosuch\" not defined.\n", run("break nosuch"));
        run("break if i > 2");
        assertEquals(List.of("break tally", "break dbg_corrupt.c:13 if i == 3", "break report", "break nosuch", "break  if i > 2"),
                session.calls);
        assertEquals("Argument required (boolean expression).\n", run("break tally if  "));
    }

    @Test
    void deleteDisableEnableTakeNumbersAndRanges() {
        run("break tally", "break report", "break 13", "break tally");
        run("disable 2-3");
        assertEquals("disable [2, 3]", session.calls.get(session.calls.size() - 1));
        run("enable breakpoints 2");
        assertEquals("enable [2]", session.calls.get(session.calls.size() - 1));
        run("d 1 4");
        assertEquals("delete [1, 4]", session.calls.get(session.calls.size() - 1));
        assertEquals("Args must be numbers or '$' variables.\n", run("delete x"));
        assertEquals("No breakpoint number 9.\n", run("delete 9"));
        run("delete");
        assertEquals("No breakpoints or watchpoints.\n", run("info breakpoints"));
    }

    @Test
    void watchpointsOfEachKind() {
        assertEquals("Hardware watchpoint 1: counter\n", run("watch counter"));
        assertEquals("Hardware watchpoint 2: -location counter\n", run("watch -l counter"));
        assertEquals("Hardware read watchpoint 3: counter\n", run("rwatch counter"));
        assertEquals("Hardware access (read/write) watchpoint 4: -location counter\n", run("awatch -location counter"));
        assertEquals("Argument required (expression to compute).\n", run("watch"));
        assertEquals("No symbol \"nope\" in current context.\n", run("watch nope"));
        String table = run("i b");
        // "read watchpoint" widens the Type column by one, as in gdb
        assertTrue(table.startsWith("Num     Type            Disp Enb Address            What\n"), table);
        assertTrue(table.contains("\n3       read watchpoint keep y                      counter\n"), table);
        assertTrue(table.contains("\n4       acc watchpoint  keep y                      -location counter\n"), table);
    }

    @Test
    void continueReportsBreakpointStopAndDisplays() {
        run("break report");
        session.queue(Reason.BREAKPOINT, REPORT_29, 1);
        assertEquals("1: counter = 435\n", run("display counter"));
        assertEquals("Continuing.\n\nBreakpoint 1, report () at dbg_corrupt.c:29\n" + L29 + "1: counter = 435\n", run("c"));
        assertEquals("2: /x counter = 0x1b3\n", run("display/x counter"));
        assertEquals("""
                Auto-display expressions now in effect:
                Num Enb Expression
                1:   y  counter
                2:   y  /x counter
                """, run("info display"));
        run("undisplay 1");
        session.queue(Reason.STEP, REPORT_29, 0);
        assertEquals(L29 + "2: /x counter = 0x1b3\n", run("next"));
        assertEquals("No display number 7.\n", run("undisplay 7"));
        run("disable display 2");
        session.queue(Reason.STEP, REPORT_29, 0);
        assertEquals(L29, run("next"));
        run("enable display");
        assertEquals("2: /x counter = 0x1b3\n", run("display"));
        assertEquals("No symbol \"zz\" in current context.\n", run("display zz"));
        assertEquals("There are no auto-display expressions now.\n", run("undisplay", "info display"));
    }

    @Test
    void displaysOfLocalsShowOnlyInTheirFunction() {
        assertEquals("1: i = 3\n", run("display i"));
        assertEquals("2: counter = 435\n", run("display counter"));
        session.queue(Reason.STEP, MAIN_37, 0);
        assertEquals("main () at dbg_corrupt.c:37\n37\t        tally(i);\n2: counter = 435\n", run("next"));
        assertEquals("""
                Auto-display expressions now in effect:
                Num Enb Expression
                1:   y  i (cannot be evaluated in the current context)
                2:   y  counter
                """, run("info display"));
        session.queue(Reason.STEP, TALLY_13, 0);
        assertTrue(run("step").endsWith("1: i = 3\n2: counter = 435\n"));
    }

    @Test
    void lastShowsTheChangeItWentBackTo() {
        session.queue(new StopEvent(Reason.WATCHPOINT, TALLY_13, 30, 0, new WatchChange("counter", "378", "406"), null, null,
                true));
        assertEquals("\nLast change of counter\n\nOld value = 378\nNew value = 406\ntally (i=3) at dbg_corrupt.c:13\n" + L13,
                run("last counter"));
        assertEquals("Argument required (expression to compute).\n", run("last"));
    }

    @Test
    void untilAndAdvanceToALocationShowTheFrameLine() {
        session.queue(Reason.STEP, TALLY_13, 0);
        assertEquals("tally (i=3) at dbg_corrupt.c:13\n" + L13, run("advance 13"));
        session.queue(Reason.STEP, TALLY_13, 0);
        assertEquals("tally (i=3) at dbg_corrupt.c:13\n" + L13, run("until 13"));
        session.queue(Reason.STEP, TALLY_13, 0);
        assertEquals(L13, run("until"));
        assertEquals(List.of("advance 13", "until 13", "until null"), session.calls);
    }

    @Test
    void continueNIgnoresTheBreakpointStoppedAt() {
        run("break tally");
        session.queue(Reason.BREAKPOINT, TALLY_13, 1);
        run("continue");
        for (int i = 0; i < 3; i++) session.queue(Reason.BREAKPOINT, TALLY_13, 1);
        assertEquals("Will ignore next 2 crossings of breakpoint 1.  Continuing.\n\nBreakpoint 1, tally (i=3) at dbg_corrupt.c:13\n"
                + L13, run("continue 3"));
        assertEquals(List.of("break tally", "cont", "cont", "cont", "cont"), session.calls);
    }

    @Test
    void watchpointStopAfterReverseContinue() {
        run("watch -l counter");
        session.queue(new StopEvent(Reason.WATCHPOINT, SCRIBBLE_18, 300, 1,
                new WatchChange("-location counter", "435", "-1000"), null, null, true));
        assertEquals("""
                Continuing.

                Hardware watchpoint 1: -location counter

                Old value = -1000
                New value = 435
                scribble () at dbg_corrupt.c:18
                18\t        counter = -1000;     /* CULPRIT: the write that does the damage */
                """, run("reverse-continue"));
    }

    @Test
    void stepsTakeCountsAndStopEarlyAtBreakpoints() {
        for (int i = 0; i < 3; i++) session.queue(Reason.STEP, TALLY_13, 0);
        assertEquals(L13, run("next 3"));
        assertEquals(List.of("next", "next", "next"), session.calls);
        session.queue(Reason.STEP, TALLY_13, 0);
        session.queue(Reason.BREAKPOINT, REPORT_29, 0);
        session.queue(Reason.STEP, TALLY_13, 0);
        assertEquals("report () at dbg_corrupt.c:29\n" + L29, run("s 3"));
        assertEquals(1, session.stops.size());
        assertEquals("Invalid number \"many\".\n", run("next many"));
    }

    @Test
    void aStepThatLandsMidStatementShowsTheAddress() {
        session.lineStartDelta = 3; // the stop's pc is 3 bytes into line 13
        session.queue(Reason.STEP, TALLY_13, 0);
        assertEquals("0x0000000000401136\t" + L13, run("stepi"));
        assertEquals("#0  0x0000000000401136 in tally (i=3) at dbg_corrupt.c:13\n", run("bt 1").lines().findFirst().get() + "\n");
    }

    @Test
    void finishPrintsHeaderLocationAndNumberedValue() {
        StopEvent ret = new StopEvent(Reason.FINISH, MAIN_37, 20, 0, null, "435", null, false);
        session.queue(ret);
        String out = run("finish");
        assertTrue(out.startsWith("Run till exit from #0  tally (i=3) at dbg_corrupt.c:13\n"), out);
        assertTrue(out.endsWith("Value returned is $1 = 435\n"), out);
        assertEquals("$2 = 435\n", run("p $"));
        assertEquals("\"finish\" not meaningful in the outermost frame.\n", run("finish"));
    }

    @Test
    void printNumbersValuesAndReusesHistory() {
        assertEquals("$1 = 435\n", run("print counter"));
        assertEquals("$2 = 0x1b3\n", run("p/x counter"));
        assertEquals("$3 = 435\n", run("p $1"));
        assertEquals("$4 = 436\n", run("p $1 + 1"));
        assertEquals("$5 = 436\n", run("p"));
        assertEquals("$6 = 0x1b3\n", run("p/x $$4"));
        assertEquals("$7 = 435\n", run("p $")); // the history holds values, not their formatted text
        assertEquals("History has not yet reached $99.\n", run("p $99"));
        assertEquals("Item count other than 1 is meaningless in \"print\" command.\n", run("p/2x counter"));
        assertEquals("Size letters are meaningless in \"print\" command.\n", run("p/xw counter"));
        assertEquals("Undefined output format \"q\".\n", run("p/q counter"));
        assertEquals("type = int\n", run("ptype counter"));
        assertEquals("$8 = 435\n", run("p/s counter"));
    }

    @Test
    void examineContinuesAfterTheLastUnit() {
        assertEquals("0x404028:\t0x000001b3\t0x000001b3\n", run("x/2xw &counter"));
        // a bare x (what RET runs) continues with the same count, as gdb's RET does
        assertEquals("0x404030:\t0x000001b3\t0x000001b3\n", run("x"));
        assertEquals("Argument required (starting display address).\n", new CommandInterpreterTest().run("x"));
        assertEquals("", run("x/0x &counter"));
        assertEquals(List.of("x/2xw &counter", "x/2xw 0x404030"), session.calls);
    }

    @Test
    void backtraceFramesAndThreads() {
        session.locals.put(0, List.of(new Variable("k", "2")));
        assertEquals("#0  tally (i=3) at dbg_corrupt.c:13\n#1  0x00000000004011f0 in main () at dbg_corrupt.c:37\n", run("bt"));
        assertEquals("#0  tally (i=3) at dbg_corrupt.c:13\n        k = 2\n"
                + "#1  0x00000000004011f0 in main () at dbg_corrupt.c:37\nNo locals.\n", run("bt full"));
        assertEquals("#0  tally (i=3) at dbg_corrupt.c:13\n(More stack frames follow...)\n", run("where 1"));
        assertEquals("#1  0x00000000004011f0 in main () at dbg_corrupt.c:37\n37\t        tally(i);\n", run("up"));
        assertEquals("Initial frame selected; you cannot go up.\n", run("up"));
        assertEquals("#0  tally (i=3) at dbg_corrupt.c:13\n" + L13, run("down"));
        assertEquals("Bottom (innermost) frame selected; you cannot go down.\n", run("down"));
        assertEquals("#0  tally (i=3) at dbg_corrupt.c:13\n" + L13, run("down 3")); // with a count gdb goes as far as it can
        assertEquals("#1  0x00000000004011f0 in main () at dbg_corrupt.c:37\n", run("bt -1"));
        assertEquals("$1 = 435\n", run("p counter"));
        assertEquals("435type = int\n", run("output counter", "ptype"));
        assertEquals("#1  0x00000000004011f0 in main () at dbg_corrupt.c:37\n37\t        tally(i);\n", run("f 1"));
        assertEquals("""
                  Id   Target Id              Frame\s
                * 1    LWP 4242 "dbg_corrupt" 0x00000000004011f0 in main () at dbg_corrupt.c:37
                """, run("info threads"));
        assertEquals("[Current thread is 1 (LWP 4242 \"dbg_corrupt\")]\n", run("thread"));
        assertEquals("Unknown thread 2.\n", run("thread 2"));
        assertEquals("\nThread 1 (LWP 4242 \"dbg_corrupt\"):\n#0  tally (i=3) at dbg_corrupt.c:13\n"
                + "#1  0x00000000004011f0 in main () at dbg_corrupt.c:37\n", run("thread apply all bt"));
    }

    @Test
    void infoSubcommands() {
        session.locals.put(0, List.of(new Variable("s", "0"), new Variable("k", "1")));
        assertEquals("s = 0\nk = 1\n", run("info locals"));
        assertEquals("i = 3\n", run("info args"));
        assertEquals("rip            0x401136            0x401136 <tally+4>\n", run("info registers rip"));
        assertEquals("rip            0x401136            0x401136 <tally+4>\n", run("i r $pc"));
        assertEquals("Invalid register `xyz'\n", run("info registers xyz"));
        assertEquals("""
                From                To                  Syms Read   Shared Object Library
                0x00007ffff7dc5700  0x00007ffff7f5793d  Yes (*)     /lib/x86_64-linux-gnu/libc.so.6
                (*): Shared library is missing debugging information.
                """, run("info sharedlibrary"));
        assertTrue(run("info line").startsWith("Line 13 of \"dbg_corrupt.c\" starts at address 0x401136"));
        assertEquals("No signals were delivered to the program in this recording.\n", run("info signals"));
        assertTrue(run("info frame").startsWith("Stack level 0, frame at "));
    }

    @Test
    void timeCommands() {
        assertEquals("Current event: 1\n", run("when"));
        session.queue(new StopEvent(Reason.EVENT, REPORT_29, 250, 0, null, null, null, false));
        assertEquals("report () at dbg_corrupt.c:29\n" + L29, run("goto 250"));
        assertEquals("Checkpoint 1 at event 250, report at dbg_corrupt.c:29.\n", run("checkpoint"));
        assertEquals("ID\tWhen\tWhere\n1\t250\treport at dbg_corrupt.c:29\n", run("info checkpoints"));
        session.queue(new StopEvent(Reason.EVENT, REPORT_29, 250, 0, null, null, "Switched to checkpoint 1.", false));
        assertEquals("Switched to checkpoint 1.\nreport () at dbg_corrupt.c:29\n" + L29, run("restart 1"));
        assertEquals("Invalid checkpoint number 4.\n", run("restart 4"));
        assertEquals("Invalid event number \"soon\".\n", run("goto soon"));
        session.queue(new StopEvent(Reason.EVENT, TALLY_13, 1, 0, null, null, null, false));
        session.queue(Reason.BREAKPOINT, REPORT_29, 0);
        run("run");
        assertTrue(session.calls.containsAll(List.of("goto 250", "restart 1", "goto 1", "cont")), session.calls.toString());
    }

    @Test
    void programEndAndReverseStart() {
        session.queue(new StopEvent(Reason.EXITED, null, 500, 0, null, null, "exited normally", false));
        assertEquals("Continuing.\n[Inferior 1 (process 1) exited normally]\n", run("continue"));
        assertEquals("The program is not being run.\n", run("next"));
        session.queue(new StopEvent(Reason.START_OF_HISTORY, TALLY_13, 1, 0, null, null, null, true));
        assertEquals("\nNo more reverse-execution history.\ntally (i=3) at dbg_corrupt.c:13\n" + L13, run("rn"));
    }

    @Test
    void repeatLinesFollowGdb() {
        session.queue(Reason.STEP, TALLY_13, 0);
        run("next 2");
        assertEquals("next 2", interp.repeatLine());
        run("list tally");
        assertEquals("list", interp.repeatLine());
        run("info breakpoints");
        assertNull(interp.repeatLine());
        run("bogus");
        assertNull(interp.repeatLine());
    }

    @Test
    void helpListsEveryCommandAndOne() {
        String all = run("help");
        for (String name : List.of("break, b, br, brea, bre -- Set breakpoint", "reverse-continue, rc --", "when --", "x --",
                "info, i, inf --", "quit, q, exit --")) {
            assertTrue(all.contains(name), name);
        }
        String one = run("help b");
        assertTrue(one.startsWith("Set breakpoint at specified location.\nUsage: break [LOCATION] [if CONDITION]\n"), one);
        assertEquals("Undefined command: \"nope\".  Try \"help\".\n", run("help nope"));
        assertTrue(run("help info").contains("info breakpoints -- Status of user-settable breakpoints"));
    }

    @Test
    void quitStopsAndCommentsAreIgnored() {
        assertTrue(interp.execute("# a comment", System.out, System.out));
        assertTrue(interp.execute("   ", System.out, System.out));
        assertFalse(interp.execute("q", System.out, System.out));
        assertTrue(interp.quitRequested());
    }

    @Test
    void unexpectedFailuresAreOneLine() {
        session.values.put("boom", null);
        BreakpointInfo b = session.addBreakpoint("tally", null, false);
        // a breakpoint without locations that claims to be one: the table must still not throw
        session.replace(new BreakpointInfo(b.number(), "breakpoint", true, false, "tally", List.of(), null, 0));
        assertTrue(run("info breakpoints").contains("<PENDING>"));
        session.queue(new StopEvent(Reason.STEP, null, 3, 0, null, null, null, false));
        String out = run("next");
        assertFalse(out.contains("\tat "), out);
        assertTrue(out.lines().count() <= 1, out);
    }

    /** Odd input must fail with one readable line, never an internal error or a stack trace. */
    @Test
    void oddInputFailsCleanly() {
        List<String> odd = List.of("x/", "p/", "print/", "break if", "delete 1-", "delete 3-1", "delete 1-999999999", "up -1",
                "down x", "frame -1", "frame 99", "bt full full", "bt x", "thread apply", "thread apply all", "thread apply 2 bt",
                "thread abc", "i", "help help", "display/", "undisplay x", "goto -1", "goto 99999999999999999999", "restart x",
                "restart", "x/999999999999x 0", "p $$$", "p $99999999999", "echo \\", "source", "source /nonexistent/f",
                "run abc", "continue -1", "next -5", "watch -l", "tbreak nosuch", "info registers $", "x/s", "ptype $9",
                "/", "-", "$", "!", "\u00e9t\u00e9", "p/xx counter", "x/0x &counter", "last", "advance", "when 1 2",
                "output", "enable display 9", "list 1,2,3", "p/-3x counter", "p " + "(".repeat(500));
        for (String line : odd) {
            String out = run(line);
            assertFalse(out.contains("internal error") || out.contains("\tat "), line + " -> " + out);
        }
        assertTrue(run("delete 1-999999999").contains("range too large"));
    }

    @Test
    void echoUnescapes() {
        assertEquals("a\nb\tc", run("echo a\\nb\\tc"));
    }

    // ---- gdb settings, pretty printing, commands refused with a reason (issue 15)

    @Test
    void settingsAreAcceptedAndShown() {
        assertEquals("", run("set pagination off", "set confirm off", "set width 0", "set height 0", "set print pretty on"));
        assertEquals("State of pagination is off.\nNumber of characters gdb thinks are in a line is unlimited.\n"
                + "Pretty formatting of structures is on.\n", run("show pagination", "show width", "show print pretty"));
        assertEquals("\"on\" or \"off\" expected.\n", run("set pagination maybe"));
        assertEquals("Undefined set command: \"frobnicate 3\".  Try \"help set\".\n", run("set frobnicate 3"));
    }

    @Test
    void assignmentsAndImpossibleCommandsSayWhy() {
        assertTrue(run("set var counter = 3").startsWith("Cannot change the program's memory or registers in a replay"));
        assertTrue(run("jump 40").startsWith("jump cannot run in a replay"));
        assertTrue(run("python print(1)").startsWith("Python scripting is not supported in jrrtui"));
        assertTrue(run("define foo").startsWith("User-defined commands are not supported in jrrtui"));
        assertTrue(run("handle SIGUSR1 nopass").startsWith("\"nopass\" cannot apply to a replay"));
    }

    @Test
    void prettyLaysOutStructMembersOneALineAndKeepsArraysAndStringsWhole() {
        assertEquals("{\n  val = 22,\n  next = 0x0\n}", Settings.pretty("{val = 22, next = 0x0}"));
        assertEquals("{{\n    val = 11,\n    next = 0x0\n  }, {\n    val = 22,\n    next = 0x0\n  }}",
                Settings.pretty("{{val = 11, next = 0x0}, {val = 22, next = 0x0}}"));
        assertEquals("{\n  name = \"a, {b = c}\",\n  xs = {1, 2, 3}\n}", Settings.pretty("{name = \"a, {b = c}\", xs = {1, 2, 3}}"));
        assertEquals("{1, 2, 3}", Settings.pretty("{1, 2, 3}"));
    }
}
