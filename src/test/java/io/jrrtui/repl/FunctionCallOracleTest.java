package io.jrrtui.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.testsupport.Jrr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Function calls in a forked copy ({@code print f(3)}, {@code call f(x)}) compared with gdb calling
 * the same functions in the live program stopped at the same line (par_call.c's STOP_HERE): every
 * value, the called function's output, gdb's refusals. Then what only a copy does: the replay is
 * unchanged after a call that writes a global, a crashing or endless call drops its copy, and the
 * session goes on where it was.
 */
class FunctionCallOracleTest {
    @TempDir
    static Path tmp;
    private static Path trace;

    /** Each one's output must be gdb's (addresses aside). None of them changes the program's state. */
    static final List<String> COMPARED = List.of("print square(local)", "print square(3) + 1", "call square(4)",
            "print sum6(1,2,3,4,5,6)", "print scale(d, 3)", "print scale(2, 2)", "print halve(3)", "print mix(1, 2.5, 3, 0.25)",
            "print first(greeting)", "print first(\"xyz\")", "print skip(greeting, 2)", "print skip(\"abcdef\", 3)",
            "print length(\"four\")", "call shout(3)", "print shout(4)", "print op(6)", "print (*op)(7)", "print low(0x1234)",
            "print negate(-5)", "print square(1, 2)", "print square()", "print nosuch(1)", "print sizeof(square(2))",
            "ptype square(2)", "whatis scale(1,2)", "output square(5)", "print/x square(16)", "print (long) labs(-4)",
            "print (int) abs(-3)", "print square(square(2))", "print ticking()", "print counter");
    private static final List<String> PROLOGUE = List.of("break par_call.c:34", "run");

    @BeforeAll
    static void record() {
        trace = tmp.resolve("par_call");
        Jrr.recordQuietly(trace, tmp.resolve("out"), "par_call");
    }

    @Test
    void callsAgreeWithGdbOnTheLiveProgram() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gdb")), "gdb is not installed");
        List<String> gdb = gdbBlocks(COMPARED);
        List<String> ours = ourBlocks(COMPARED);
        int agree = 0;
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < COMPARED.size(); i++) {
            String g = i < gdb.size() ? gdb.get(i) : "<missing>";
            if (g.equals(ours.get(i))) agree++;
            else differences.add(COMPARED.get(i) + "\n  gdb:  " + g + "\n  ours: " + ours.get(i));
        }
        System.out.printf("function calls: %d/%d command outputs agree with gdb%n", agree, COMPARED.size());
        differences.forEach(System.out::println);
        assertEquals(List.of(), differences);
    }

    /** The call's writes stay in its copy: gdb's process keeps them, the replay never sees them. */
    @Test
    void aCallChangesNothingInTheReplay() {
        List<String> out = ourBlocks(List.of("print bump(10)", "print counter", "call bump(1)", "print counter", "next",
                "print result", "reverse-next", "print square(local)", "bt"));
        assertEquals("$1 = 15", out.get(0));
        assertEquals("$2 = 5", out.get(1));
        assertEquals("$3 = 6", out.get(2));
        assertEquals("$4 = 5", out.get(3));
        assertTrue(out.get(4).startsWith("35\t"), out.get(4));
        assertEquals("$5 = 42", out.get(5));
        assertTrue(out.get(6).contains("34\t"), out.get(6));
        assertEquals("$6 = 49", out.get(7));
        assertTrue(out.get(8).startsWith("#0  main () at par_call.c:34"), out.get(8));
    }

    /** Ctrl-C (the session's interrupt) ends a running call before its time limit. */
    @Test
    void anInterruptEndsACall() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        try (io.jrrtui.debugger.Debugger d = io.jrrtui.session.ReplayDebugger.open(io.jrrtui.trace.TraceReader.open(trace), 1,
                io.jrrtui.replay.OutputSink.DISCARD)) {
            CommandInterpreter interp = new CommandInterpreter(d);
            for (String c : PROLOGUE) interp.execute(c, out, out);
            bytes.reset();
            Thread ctrlC = new Thread(() -> {
                try {
                    Thread.sleep(1500);
                    d.interrupt();
                } catch (InterruptedException e) {
                    // the test ended
                }
            });
            ctrlC.start();
            long start = System.nanoTime();
            try {
                interp.execute("print forever()", out, out);
            } catch (RuntimeException e) {
                out.println(e.getMessage());
            }
            ctrlC.join();
            assertEquals("The call of forever() was interrupted; its copy was killed. The replay is where it was.",
                    bytes.toString(java.nio.charset.StandardCharsets.UTF_8).strip());
            assertTrue(System.nanoTime() - start < 9_000_000_000L, "ended by the interrupt, not the 10 s limit");
            bytes.reset();
            interp.execute("print square(local)", out, out);
            assertTrue(bytes.toString(java.nio.charset.StandardCharsets.UTF_8).startsWith("$1 = 49"), bytes.toString());
        }
    }

    /** The copy's death leaves nothing for the program (no SIGCHLD): continue goes on from the breakpoint to the end. */
    @Test
    void continueAfterACallAtABreakpointGoesOn() {
        List<String> out = ourBlocks(List.of("break square", "continue", "print square(3)", "continue"));
        assertTrue(out.get(1).contains("Breakpoint 2, square (x=7)"), out.get(1));
        assertEquals("$1 = 9", out.get(2));
        assertTrue(out.get(3).contains("exited normally"), out.get(3));
    }

    /** A call that faults or never returns: said so, its copy killed, the session where it was. */
    @Test
    void aCrashOrAnEndlessCallDropsItsCopy() {
        String before = System.getProperty("jrrtui.callTimeLimitMillis");
        System.setProperty("jrrtui.callTimeLimitMillis", "1500");
        try {
            List<String> out = ourBlocks(List.of("print crash(0)", "print forever()", "print square(local)", "print strlen(\"ab\")",
                    "print puts(\"x\")", "bt"));
            assertTrue(out.get(0).startsWith("The called function crash() received SIGSEGV at ADDR; its copy was dropped."), out.get(0));
            assertEquals("The call of forever() did not return within 1.5 seconds; its copy was killed. The replay is where it was.", out.get(1));
            assertEquals("$1 = 49", out.get(2));
            assertTrue(out.get(3).startsWith("Cannot call strlen(): it is an indirect function"), out.get(3));
            assertEquals("'puts' has unknown return type; cast the call to its declared return type", out.get(4));
            assertTrue(out.get(5).startsWith("#0  main () at par_call.c:34"), out.get(5));
        } finally {
            if (before == null) System.clearProperty("jrrtui.callTimeLimitMillis");
            else System.setProperty("jrrtui.callTimeLimitMillis", before);
        }
    }

    private static List<String> gdbBlocks(List<String> commands) throws Exception {
        return ReplBlocks.gdb(Jrr.binary("par_call"), PROLOGUE, commands, (c, block) -> normalize(block));
    }

    /** The program's output (the called function's, too) goes where the command output goes, as in gdb. */
    private static List<String> ourBlocks(List<String> commands) {
        return ReplBlocks.ours(trace, out -> (event, tid, stream, data) -> out.write(data, 0, data.length), PROLOGUE, commands,
                (c, block) -> normalize(block));
    }

    /** Addresses differ between runs; the note about the copy is jrrtui's own. */
    private static String normalize(String block) {
        StringBuilder sb = new StringBuilder();
        for (String line : block.split("\n")) {
            if (line.isBlank() || line.startsWith("(The call ran in a forked copy")) continue;
            sb.append(line.replaceAll("0x[0-9a-f]+", "ADDR").stripTrailing()).append('\n');
        }
        return sb.toString().strip();
    }
}
