package io.jrrtui.repl;

import static io.jrrtui.repl.FakeSession.REPORT_29;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jrrtui.api.StopEvent.Reason;
import io.jrrtui.util.JrrException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunnerTest {
    @TempDir
    Path dir;

    @Test
    void runsAFileWithoutPromptsContinuingPastErrorsAndStoppingAtQuit() throws IOException {
        FakeSession session = new FakeSession();
        session.queue(Reason.BREAKPOINT, REPORT_29, 1);
        Path script = Files.writeString(dir.resolve("cmds"), "break report\n\nnosuch\ncontinue\nquit\nwhen\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BatchRunner.run(session, script, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status);
        assertEquals("""
                tally (i=3) at dbg_corrupt.c:13
                13\t    counter += i;            /* TALLY: the honest write */
                Breakpoint 1 at 0x4011a0: file dbg_corrupt.c, line 29.
                Continuing.

                Breakpoint 1, report () at dbg_corrupt.c:29
                29\t    printf("work=%d\\n", work);
                """, out.toString(StandardCharsets.UTF_8));
        assertEquals("Undefined command: \"nosuch\".  Try \"help\".\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void statusIsOneWhenTheLastCommandFailed() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, BatchRunner.run(new FakeSession(), List.of("when", "print nosuch"), sink, sink));
        assertEquals(0, BatchRunner.run(new FakeSession(), List.of("print nosuch", "when"), sink, sink));
        assertThrows(JrrException.class, () -> BatchRunner.run(new FakeSession(), dir.resolve("absent"), sink, sink));
    }

    @Test
    void completionOfCommandsInfoSubcommandsAndSymbols() {
        CommandInterpreter interp = new CommandInterpreter(new FakeSession());
        ReplCompleter completer = new ReplCompleter(interp);
        assertEquals(List.of("reverse-step", "reverse-stepi"), complete(completer, "reverse-s"));
        assertEquals(List.of("br", "bre", "brea", "break"), complete(completer, "help br"));
        assertEquals(List.of("registers"), complete(completer, "info reg"));
        assertEquals(List.of("report", "rounds_done"), complete(completer, "break r"));
        assertEquals(List.of("counter"), complete(completer, "p/x c"));
        assertEquals(List.of("dbg_corrupt.c:"), complete(completer, "until d"));
        assertEquals(List.of(), complete(completer, "when x"));
    }

    private static List<String> complete(ReplCompleter c, String line) {
        List<Candidate> out = new java.util.ArrayList<>();
        c.complete(null, new DefaultParser().parse(line, line.length()), out);
        return out.stream().map(Candidate::value).sorted().toList();
    }
}
