package io.jrrtui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.debugger.Debugger;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.session.ReplayDebugger;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.TraceReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch command line over real recordings: the scenarios a user types, checked on gdb's wording. */
class ReplScenarioTest {
    @TempDir
    static Path tmp;
    private static Path corrupt;

    @BeforeAll
    static void record() {
        corrupt = tmp.resolve("corrupt");
        Jrr.Run r = Jrr.run("record", "-q", "-o", corrupt.toString(), "--stdout", tmp.resolve("out").toString(), "--",
                Jrr.binary("dbg_corrupt").toString());
        assertEquals(0, r.status(), r.errText());
    }

    /** Runs a batch script over a fresh session of trace; errors interleaved with output. */
    static String batch(Path trace, String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Debugger d = ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD)) {
            BatchRunner.run(d, List.of(lines), out, out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static int lineOf(String fixture, String tag) throws IOException {
        List<String> src = Files.readAllLines(Jrr.source(fixture));
        for (int i = 0; i < src.size(); i++) if (src.get(i).contains(tag)) return i + 1;
        throw new AssertionError(tag);
    }

    /** Commands whose output gdb -batch prints the same way on the live program (all forward). */
    private static final List<String> FORWARD = List.of("break tally", "run", "next", "step", "bt", "info breakpoints",
            "finish", "p counter", "p/x counter", "display counter", "display/x i", "x/4xw &counter", "info locals",
            "info args", "up", "info locals", "down", "tbreak scribble", "continue", "finish", "continue", "next", "until",
            "advance 46", "info line", "continue 3", "delete", "watch counter", "rwatch rounds_done",
            "awatch counter", "info breakpoints", "continue", "delete 5", "continue", "delete", "stepi", "stepi", "nexti", "p $",
            "p $$2", "p $1 + 1", "frame 1", "frame", "bt full", "ptype counter", "print &counter", "print $rip",
            "info registers rip", "delete display 2", "continue");

    /** Calls with values, recursion, aggregates and strings (repl_calls.c). */
    private static final List<String> CALLS = List.of("p", "ptype", "x", "start", "break add", "continue", "info args", "info locals", "finish", "next",
            "p r", "p $", "p $1 * 2", "break fact if n == 1", "continue", "bt", "bt 2", "bt full 3", "up 2", "down", "frame 3", "up 9", "down 9", "bt -2", "output pt", "p/c 65", "p/t 10",
            "info breakpoints", "p pt", "p table", "p greeting", "x/s greeting", "x/4dw table", "x/2xg table", "x",
            "ptype pt", "ptype table", "p pt.x + pt.y", "p &pt", "p *&pt", "p table[2]", "p sizeof(pt)", "finish", "finish",
            "display n", "until 33", "delete", "tbreak 34", "continue", "info breakpoints", "continue");

    /**
     * gdb as the oracle: the same commands on the live program must print the same text, except
     * for what gdb -batch leaves out because no one typed the command (its from_tty): "Continuing.",
     * "Will ignore next N crossings...", "Run till exit from ...", "(More stack frames follow...)"
     * and a new display's first value. (Known gaps left out of the lists: {@code next} on a line
     * with two line-table rows, such as dbg_corrupt.c:38, stops at the second row where gdb goes on
     * to the next line; print/x of a struct or array prints the members in decimal.)
     */
    @Test
    void forwardCommandsPrintWhatGdbPrints() throws Exception {
        // the oracle's watchpoints are the machine's debug registers; where the hypervisor does not
        // deliver their traps gdb runs through to the exit, so only the commands before them compare
        List<String> commands = gdbHardwareWatchpointsFire() ? FORWARD : FORWARD.subList(0, FORWARD.indexOf("watch counter"));
        assertSameAsGdb("dbg_corrupt", corrupt, "(i|work|damage)[=:].*", commands);
    }

    /** Whether gdb's hardware watchpoint on counter stops the live dbg_corrupt at its first write here. */
    private static boolean gdbHardwareWatchpointsFire() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gdb")), "gdb is not installed");
        Process p = new ProcessBuilder("/usr/bin/gdb", "-nx", "-batch", "-ex", "break main", "-ex", "run", "-ex", "watch counter",
                "-ex", "continue", Jrr.binary("dbg_corrupt").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.contains("Old value = ");
    }

    @Test
    void callsValuesAndFramesPrintWhatGdbPrints() throws Exception {
        Path calls = tmp.resolve("calls");
        Jrr.Run r = Jrr.run("record", "-q", "-o", calls.toString(), "--stdout", tmp.resolve("calls.out").toString(), "--",
                Jrr.binary("repl_calls").toString());
        assertEquals(3, r.status(), r.errText());
        assertSameAsGdb("repl_calls", calls, "hello .*", CALLS);
    }

    private static void assertSameAsGdb(String fixture, Path trace, String programOutput, List<String> commands)
            throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gdb")), "gdb is not installed");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/gdb", "-nx", "-batch"));
        for (String c : commands) cmd.addAll(List.of("-ex", c));
        cmd.add(Jrr.binary(fixture).toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String gdb = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        StringBuilder expected = new StringBuilder();
        for (String line : gdb.split("\n", -1)) {
            // gdb's own chatter, its batch-mode answer to a question, and the program's output
            if (line.contains("libthread_db") || line.contains("[answered Y; input not from terminal]")
                    || line.matches(programOutput)) {
                continue;
            }
            expected.append(normalize(line)).append('\n');
        }

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        StringBuilder actual = new StringBuilder();
        try (Debugger d = ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD)) {
            CommandInterpreter interp = new CommandInterpreter(d);
            for (String c : commands) {
                bytes.reset();
                interp.execute(c, out, out);
                boolean display = c.startsWith("display");
                for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n", -1)) {
                    if (line.matches(TYPED_ONLY) || display && line.matches("\\d+: .*")) continue;
                    actual.append(normalize(line)).append('\n');
                }
                actual.setLength(actual.length() - 1);
            }
        }
        assertEquals(expected.toString().strip(), actual.toString().strip());
    }

    /** Lines gdb prints only for a command typed at a terminal. */
    private static final String TYPED_ONLY =
            "Continuing\\.|Run till exit from .*|Will ignore next .*|\\(More stack frames follow\\.\\.\\.\\)";

    /** Pids differ; gdb shows a breakpoint set before run at its unrelocated (PIE) address. */
    private static String normalize(String line) {
        return line.replaceAll("process \\d+", "process N").replaceAll("^((Temporary b|B)reakpoint 1 at) 0x[0-9a-f]+", "$1 ADDR");
    }

    /** The hunt the fixture was written for: from the damage back to the write that did it. */
    @Test
    void theCounterHunt() throws IOException {
        int culprit = lineOf("dbg_corrupt", "/* CULPRIT");
        int damage = lineOf("dbg_corrupt", "printf(\"work");
        String out = batch(corrupt, "break report", "run", "print counter", "watch -l counter", "reverse-continue", "bt",
                "print i", "info breakpoints");
        String expected = """
                Breakpoint 1 at ADDR: file dbg_corrupt.c, line %1$d.

                Breakpoint 1, report (work=421330) at dbg_corrupt.c:%1$d
                %1$d\t    printf("work=%%d\\n", work);
                $1 = -1000
                Hardware watchpoint 2: -location counter
                Continuing.

                Hardware watchpoint 2: -location counter

                Old value = -1000
                New value = 435
                scribble (i=37) at dbg_corrupt.c:%2$d
                %2$d\t        counter = -1000;     /* CULPRIT: the write that does the damage */
                #0  scribble (i=37) at dbg_corrupt.c:%2$d
                #1  ADDR in main () at dbg_corrupt.c:42
                $2 = 37
                Num     Type           Disp Enb Address            What
                1       breakpoint     keep y   ADDR in report at dbg_corrupt.c:%1$d
                \tbreakpoint already hit 1 time
                2       hw watchpoint  keep y                      -location counter
                \tbreakpoint already hit 1 time
                """.formatted(damage, culprit);
        // the first line is where the replay starts (in the dynamic loader)
        assertEquals(expected, out.substring(out.indexOf('\n') + 1).replaceAll("0x[0-9a-f]{6,16}", "ADDR"));
    }

    /** Backwards and through time: the reverse steps, the ends of history, goto, checkpoints. */
    @Test
    void reverseStepsAndTimeTravel() throws IOException {
        int tallyLine = lineOf("dbg_corrupt", "/* TALLY");
        String out = batch(corrupt, "reverse-continue", "break tally", "continue", "continue", "when", "reverse-continue",
                "print i", "checkpoint", "reverse-step", "next", "print counter", "restart 1", "print i", "goto 1",
                "delete", "continue", "next", "info checkpoints");
        String[] lines = out.split("\n");
        String start = lines[0];
        assertTrue(start.startsWith("0x"), start);
        String tally = tallyLine + "\t    counter += i;            /* TALLY: the honest write */";
        String expected = String.join("\n", start, "Continuing.", "", "No more reverse-execution history.", start,
                "Breakpoint 1 at ADDR: file dbg_corrupt.c, line " + tallyLine + ".",
                "Continuing.", "", "Breakpoint 1, tally (i=0) at dbg_corrupt.c:" + tallyLine, tally,
                "Continuing.", "", "Breakpoint 1, tally (i=1) at dbg_corrupt.c:" + tallyLine, tally,
                "Current event: EVENT",
                "Continuing.", "", "Breakpoint 1, tally (i=0) at dbg_corrupt.c:" + tallyLine, tally,
                "$1 = 0",
                "Checkpoint 1 at event EVENT, tally at dbg_corrupt.c:" + tallyLine + ".",
                "main () at dbg_corrupt.c:37", "37\t        tally(i);",
                "", "Breakpoint 1, tally (i=0) at dbg_corrupt.c:" + tallyLine, tally,
                "$2 = 0",
                "Switched to checkpoint 1.", "tally (i=0) at dbg_corrupt.c:" + tallyLine, tally,
                "$3 = 0",
                start,
                "Continuing.", "[Inferior 1 (process PID) exited normally]",
                "The program is not being run.",
                "ID\tWhen\tWhere", "1\tEVENT\ttally at dbg_corrupt.c:" + tallyLine, "");
        assertEquals(expected, out.replaceAll("\\(process \\d+\\)", "(process PID)").replaceAll("0x[0-9a-f]{6,16}", "ADDR").replaceAll("event:? \\d+", "event EVENT").replace("Current event EVENT", "Current event: EVENT")
                .replaceAll("\n1\t\\d+\t", "\n1\tEVENT\t").replace(start.replaceAll("0x[0-9a-f]{6,16}", "ADDR"), start));
    }

    /** The interactive loop over a real recording, fed through a dumb terminal. */
    @Test
    void replOverARecording() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String input = "break report\nrun\nnext\n\nwhen\nquit\n";
        try (Debugger d = ReplayDebugger.open(TraceReader.open(corrupt), 1, OutputSink.DISCARD);
                org.jline.terminal.Terminal t = Repl.dumbTerminal(
                        new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), bytes)) {
            assertEquals(0, new Repl(new CommandInterpreter(d), t, tmp.resolve("history")).run());
        }
        String out = bytes.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"); // the line editor ends lines with CR LF
        int damage = lineOf("dbg_corrupt", "printf(\"work");
        assertTrue(out.contains("(jrr) run\n\nBreakpoint 1, report (work=421330) at dbg_corrupt.c:" + damage + "\n"), out);
        assertTrue(out.contains("(jrr) next\n" + (damage + 1) + "\t    if (counter != 435)\n(jrr) \n"), out);
        assertTrue(out.matches("(?s).*\\(jrr\\) \n\\d+\t.*"), out); // the empty line ran next again
        assertTrue(out.contains("(jrr) when\nCurrent event: "), out);
        assertTrue(Files.readString(tmp.resolve("history")).contains("break report"));
    }

    @Test
    void batchFileWithErrorsAndQuit() throws IOException {
        Path script = Files.writeString(tmp.resolve("cmds"), "break nosuchfunction\nbreak report\nrun\nquit\nprint 1\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (Debugger d = ReplayDebugger.open(TraceReader.open(corrupt), 1, OutputSink.DISCARD)) {
            status = BatchRunner.run(d, script, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        }
        assertEquals(0, status);
        assertEquals("Function \"nosuchfunction\" not defined.\n", err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\nBreakpoint 1, report (work=421330) at dbg_corrupt.c:"));
        assertTrue(!out.toString(StandardCharsets.UTF_8).contains("$1"));
    }
}
