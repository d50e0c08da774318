package io.jrrtui.repl;

import io.jrrtui.session.ReplayDebugger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jrrtui.debugger.Debugger;
import io.jrrtui.replay.OutputSink;
import io.jrrtui.testsupport.Jrr;
import io.jrrtui.trace.TraceReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code delete checkpoint N} (api deleteCheckpoint, which the TUI's undo uses to give back the
 * checkpoints it no longer needs): the others keep their numbers and still restore; numbers are not reused.
 */
class DeleteCheckpointTest {
    @TempDir
    Path tmp;

    @Test
    void aDeletedCheckpointIsGoneTheOthersStay() {
        Path trace = tmp.resolve("levels");
        Jrr.Run r = Jrr.run("record", "-q", "-n", "-o", trace.toString(), "--stdout", tmp.resolve("out").toString(), "--",
                Jrr.binary("tui_levels").toString());
        assertEquals(0, r.status(), r.errText());
        try (Debugger d = ReplayDebugger.open(TraceReader.open(trace), 1, OutputSink.DISCARD)) {
            CommandInterpreter interp = new CommandInterpreter(d);
            run(interp, "break report", "run");
            assertTrue(run(interp, "checkpoint").startsWith("Checkpoint 1 at event"));
            run(interp, "continue");
            String second = run(interp, "checkpoint");
            assertTrue(second.startsWith("Checkpoint 2 at event"), second);
            long event2 = d.currentEvent();
            assertEquals("", run(interp, "delete checkpoint 1"));
            String listed = run(interp, "info checkpoints");
            assertTrue(!listed.contains("\n1\t") && listed.contains("\n2\t" + event2 + "\t"), listed);
            assertEquals("Invalid checkpoint number 1.\n", run(interp, "restart 1"));
            run(interp, "continue");
            assertTrue(run(interp, "restart 2").startsWith("Switched to checkpoint 2."));
            assertEquals(event2, d.currentEvent());
            assertTrue(run(interp, "checkpoint").startsWith("Checkpoint 3 at event"), "numbers are not reused");
            assertEquals("Invalid checkpoint number 1.\n", run(interp, "delete checkpoint 1"));
        }
    }

    private static String run(CommandInterpreter interp, String... lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        for (String l : lines) interp.execute(l, out, out);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
