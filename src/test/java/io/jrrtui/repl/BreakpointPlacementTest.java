package io.jrrtui.repl;

import io.jrrtui.session.ReplayDebugger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jrrtui.debugger.Debugger;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.testsupport.GdbOracle;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.TraceReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18: where a breakpoint on a function's opening line goes, and two breakpoints at one
 * address, compared with gdb running the same binary (typed-at-a-terminal mode, so gdb prints its
 * "Note: breakpoint N also set at pc" line).
 */
class BreakpointPlacementTest {
    @TempDir
    Path tmp;

    /** tui_levels.c: 8 and 13 are the opening lines of report and main; 14 is main's first line. */
    private static final List<String> COMMANDS = List.of("break tui_levels.c:13", "break main", "tbreak tui_levels.c:14",
            "break tui_levels.c:8", "disable 1", "break tui_levels.c:13", "run", "info breakpoints", "continue", "info breakpoints");

    @Test
    void openingLinesAndSharedAddressesAsGdb() throws Exception {
        assumeTrue(GdbOracle.present(), "gdb is not installed");
        List<String> gdb = gdbBlocks();
        List<String> ours = ourBlocks();
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < COMMANDS.size(); i++) {
            String g = i < gdb.size() ? gdb.get(i) : "<missing>";
            if (!g.equals(ours.get(i))) differences.add(COMMANDS.get(i) + "\n  gdb:  " + g + "\n  ours: " + ours.get(i));
        }
        assertEquals(List.of(), differences);
        // what the comparison proves, so that it cannot pass on two empty outputs
        assertTrue(ours.get(0).contains("line 14."), ours.get(0));
        assertTrue(ours.get(1).startsWith("Note: breakpoint 1 also set at pc"), ours.get(1));
        assertTrue(ours.get(5).startsWith("Note: breakpoints 1 (disabled), 2 and 3 also set at pc"), ours.get(5));
        assertTrue(ours.get(7).contains("breakpoint already hit 1 time"), ours.get(7));
    }

    private List<String> gdbBlocks() throws Exception {
        List<String> cmd = new ArrayList<>(List.of("gdb", "-nx", "-q", "-ex", "set pagination off", "-ex", "set confirm off",
                "-ex", "set startup-with-shell off"));
        for (String c : COMMANDS) cmd.addAll(List.of("-ex", "echo @@@\\n", "-ex", c));
        cmd.addAll(List.of("-ex", "echo @@@\\n", "-ex", "kill", "-ex", "quit", Jrr.binary("tui_levels").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        String[] parts = out.split("@@@\n", -1);
        List<String> blocks = new ArrayList<>();
        for (int i = 1; i < parts.length - 1; i++) blocks.add(normalize(parts[i]));
        return blocks;
    }

    private List<String> ourBlocks() {
        Path trace = tmp.resolve("levels");
        Jrr.Run r = Jrr.run("record", "-q", "-n", "-o", trace.toString(), "--stdout", tmp.resolve("out").toString(), "--",
                Jrr.binary("tui_levels").toString());
        assertEquals(0, r.status(), r.errText());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        try (Debugger d = ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD)) {
            CommandInterpreter interp = new CommandInterpreter(d);
            for (String c : COMMANDS) {
                bytes.reset();
                interp.execute(c, out, out);
                blocks.add(normalize(bytes.toString(StandardCharsets.UTF_8)));
            }
        }
        return blocks;
    }

    /** gdb's start-up chatter is not compared; addresses are (the same binary, both without ASLR). */
    private static String normalize(String block) {
        StringBuilder sb = new StringBuilder();
        for (String line : block.split("\n")) {
            if (line.startsWith("Starting program:") || line.startsWith("[Inferior")) continue;
            sb.append(line).append('\n');
        }
        return ParityOracleTest.normalize(sb.toString());
    }
}
