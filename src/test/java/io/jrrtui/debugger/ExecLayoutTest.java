package io.jrrtui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.testsupport.Jrr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording of a wrapper that execs the real program, as a shell script or pyenv's shims do:
 * bash loads libtinfo before libc, the program does not, so libc is at another address in each.
 * The debugger's symbols must be those of the program the process runs at the current event.
 */
class ExecLayoutTest {
    @TempDir
    Path tmp;
    private Path trace;

    @BeforeEach
    void record() {
        trace = tmp.resolve("trace");
        Jrr.Run r = Jrr.run("record", "-q", "-o", trace.toString(), "--stdout", tmp.resolve("out").toString(), "--",
                "/bin/bash", "-c", "echo wrapper; exec " + Jrr.binary("dbg_corrupt"));
        assertEquals(0, r.status(), r.errText());
    }

    private String batch(String commands, String... options) throws IOException {
        Path cmds = tmp.resolve("cmds");
        Files.writeString(cmds, commands);
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("replay", "--batch", "-x", cmds.toString()));
        args.addAll(java.util.List.of(options));
        args.add(trace.toString());
        Jrr.Run r = Jrr.run(args.toArray(String[]::new));
        assertEquals(0, r.status(), r.errText());
        return r.outText();
    }

    @Test
    void aLibraryBreakpointInTheFollowedProgramUsesItsOwnLayout() throws IOException {
        // the first libc mapping of the recording is bash's: a breakpoint there was passed by
        String out = batch("break printf\ncontinue\nbt 2\n", "-p", "dbg_corrupt");
        assertTrue(out.contains("Breakpoint 1, "), out);
        assertTrue(out.contains(" in main () at "), out);
    }

    @Test
    void pastTheExecTheImageIsTheNewProgramsAndBeforeItBashs() throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s*(\\d+)\\s+tid \\d+\\s+exec \\S*dbg_corrupt").matcher(Jrr.run("dump", trace.toString()).outText());
        assertTrue(m.find(), "the exec is in the dump");
        long exec = Long.parseLong(m.group(1));
        String out = batch("goto " + (exec + 20) + "\ninfo sharedlibrary\nbreak report\ncontinue\nbt 1\ngoto " + (exec - 5) + "\ninfo sharedlibrary\n");
        String[] halves = out.split("Breakpoint 1, ", 2);
        assertEquals(2, halves.length, out);
        assertFalse(halves[0].contains("libtinfo"), "bash's libtinfo is not in dbg_corrupt: " + halves[0]);
        assertTrue(halves[1].contains("report ("), out);
        assertTrue(halves[1].contains("libtinfo"), "back before the exec, bash's libraries again: " + halves[1]);
    }

    @Test
    void aBreakpointSetInTheWrapperIsPlacedAgainInTheProgramItExecs() throws IOException {
        // gdb re-sets breakpoints after an exec: printf is in both programs, at different addresses
        String out = batch("break printf\ncontinue\nbt 2\ninfo breakpoints\n");
        assertTrue(out.contains("Breakpoint 1, "), "the program's printf is hit: " + out);
        assertTrue(out.matches("(?s).*#1 .* in main \\(\\) at dbg_corrupt\\.c:\\d+.*"), out);
        assertTrue(out.contains("breakpoint already hit 1 time"), out);
    }

    @Test
    void aFunctionOnlyTheExecdProgramHasIsPendingUntilTheExecAndTravelsBackAndForth() throws IOException {
        String out = batch("break scribble\ninfo breakpoints\ncontinue\ncontinue\nreverse-continue\nreverse-continue\n"
                + "info breakpoints\ncontinue\nbt 1\n");
        assertTrue(out.contains("Breakpoint 1 (scribble) pending."), out);
        assertTrue(out.matches("(?s).*1\\s+breakpoint\\s+keep y\\s+<PENDING>\\s+scribble.*"), out);
        String[] stops = out.split("Breakpoint 1, ");
        assertEquals(5, stops.length, "three stops, the end of history going back, one more forward: " + out);
        assertTrue(stops[1].startsWith("scribble (i=30)") && stops[2].startsWith("scribble (i=31)"), out);
        assertTrue(stops[3].startsWith("scribble (i=30)"), "reverse-continue returns to the first hit: " + out);
        // before the exec, in bash, the breakpoint has no place again, and nothing in bash stops there
        assertTrue(stops[3].contains("No more reverse-execution history."), out);
        assertTrue(stops[3].matches("(?s).*<PENDING>\\s+scribble.*"), "pending again in bash: " + stops[3]);
        assertTrue(stops[4].startsWith("scribble (i=30)"), "forward again, placed again: " + out);
    }

    @Test
    void aFunctionNoProgramHasIsStillAnErrorWithoutALaterExec() throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s*(\\d+)\\s+tid \\d+\\s+exec \\S*dbg_corrupt").matcher(Jrr.run("dump", trace.toString()).outText());
        assertTrue(m.find());
        Path cmds = tmp.resolve("cmds");
        Files.writeString(cmds, "goto " + (Long.parseLong(m.group(1)) + 5) + "\nbreak no_such_function\ninfo breakpoints\n");
        Jrr.Run r = Jrr.run("replay", "--batch", "-x", cmds.toString(), trace.toString());
        assertTrue(r.errText().contains("Function \"no_such_function\" not defined."), r.errText());
        assertTrue(r.outText().contains("No breakpoints or watchpoints."), r.outText());
    }
}
